// GraphQL types of exportSecrets: the format enum, the input and the result document.
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EXPORT_FORMATS, type ExportFormat } from '../services/import-export/export.js';
import { SecretFilter } from './secret.inputs.js';

export const ExportFormatEnum = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, f])) as { [K in ExportFormat]: K };
registerEnumType(ExportFormatEnum, { name: 'ExportFormat' });

@InputType()
export class ExportInput {
  @Field(() => ExportFormatEnum)
  format!: ExportFormat;

  @Field(() => SecretFilter, { nullable: true })
  filter?: SecretFilter;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeValues?: boolean;
}

@ObjectType()
export class ExportResult {
  @Field(() => ExportFormatEnum)
  format!: ExportFormat;

  @Field(() => Int)
  count!: number;

  @Field(() => String)
  content!: string;

  @Field(() => Boolean)
  includesValues!: boolean;
}
