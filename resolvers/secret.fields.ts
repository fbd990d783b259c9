// Computed and sensitive fields of Secret and SecretVersion.
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { SecretPermissionEnum, SecretStatusEnum } from '../schema/enums.js';
import { OrganizationRef, ProjectRef, TeamRef, UserRef } from '../schema/entities.js';
import { Secret, SecretValue, SecretVersion } from '../schema/secret.types.js';
import type { SecretRow } from '../models/schema.js';
import { secretStatus } from '../services/status.js';
import { actorOf, type GraphQLContext } from './context.js';

const ref = (id: string | null) => (id ? { id } : null);

@Resolver(() => Secret)
export class SecretFields {
  @FieldResolver(() => OrganizationRef, { nullable: true })
  organization(@Root() secret: SecretRow) {
    return ref(secret.organizationId);
  }

  @FieldResolver(() => TeamRef, { nullable: true })
  team(@Root() secret: SecretRow) {
    return ref(secret.teamId);
  }

  @FieldResolver(() => ProjectRef, { nullable: true })
  project(@Root() secret: SecretRow) {
    return ref(secret.projectId);
  }

  @FieldResolver(() => UserRef, { nullable: true })
  owner(@Root() secret: SecretRow) {
    return ref(secret.ownerUserId);
  }

  @FieldResolver(() => UserRef, { nullable: true })
  createdBy(@Root() secret: SecretRow) {
    return ref(secret.createdBy);
  }

  @FieldResolver(() => SecretStatusEnum)
  status(@Root() secret: SecretRow, @Ctx() ctx: GraphQLContext) {
    return secretStatus(secret, ctx.services.clock.now());
  }

  @FieldResolver(() => [SecretPermissionEnum], { description: "The caller's effective permissions on this secret." })
  myPermissions(@Root() secret: SecretRow, @Ctx() ctx: GraphQLContext) {
    return ctx.services.access.permissionsOn(actorOf(ctx), secret);
  }

  @FieldResolver(() => SecretValue, { description: 'The decrypted value (READ permission; every call is audited). version defaults to current.' })
  value(
    @Root() secret: SecretRow,
    @Arg('version', () => Int, { nullable: true }) version: number | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.versions.readValue(actorOf(ctx), secret.id, version);
  }

  @FieldResolver(() => [SecretVersion])
  versions(@Root() secret: SecretRow, @Ctx() ctx: GraphQLContext) {
    return ctx.services.versions.listVersions(actorOf(ctx), secret);
  }
}

@Resolver(() => SecretVersion)
export class SecretVersionFields {
  @FieldResolver(() => UserRef, { nullable: true })
  createdBy(@Root() version: SecretVersion) {
    return ref(version.createdBy);
  }
}
