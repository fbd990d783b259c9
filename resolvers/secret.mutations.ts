// Mutations on secrets: thin mappings onto the secret and version services.
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { CreateSecretInput, MoveSecretInput, UpdateSecretInput } from '../schema/secret.inputs.js';
import { JSONScalar } from '../schema/scalars.js';
import { Secret } from '../schema/secret.types.js';
import { actorOf, type GraphQLContext } from './context.js';

@Resolver()
export class SecretMutations {
  @Mutation(() => Secret)
  createSecret(@Arg('input', () => CreateSecretInput) input: CreateSecretInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.secrets.create(actorOf(ctx), input);
  }

  @Mutation(() => Secret)
  updateSecret(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSecretInput) input: UpdateSecretInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.secrets.update(actorOf(ctx), id, input);
  }

  @Mutation(() => Secret, { description: 'Writes a new version. expectedVersion gives check-and-set semantics.' })
  updateSecretValue(
    @Arg('id', () => ID) id: string,
    @Arg('value', () => JSONScalar) value: unknown,
    @Arg('changeReason', () => String, { nullable: true }) changeReason: string | undefined,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.versions.updateValue(actorOf(ctx), id, value, { changeReason, expectedVersion });
  }

  @Mutation(() => Secret)
  deleteSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.secrets.softDelete(actorOf(ctx), id);
  }

  @Mutation(() => Secret)
  restoreSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.secrets.restore(actorOf(ctx), id);
  }

  @Mutation(() => Boolean)
  purgeSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.secrets.purge(actorOf(ctx), id);
  }

  @Mutation(() => Secret)
  rollbackSecret(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: GraphQLContext) {
    return ctx.services.versions.rollback(actorOf(ctx), id, version);
  }

  @Mutation(() => Secret, { description: 'Moves a secret to another scope/owner server-side; the value is never exposed.' })
  moveSecret(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => MoveSecretInput) input: MoveSecretInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.secrets.move(actorOf(ctx), id, input);
  }

  @Mutation(() => Secret, {
    description: 'New value, or omit it to let an AUTOMATIC rotation handler generate one. gracePeriodHours keeps the old version valid.',
  })
  rotateSecret(
    @Arg('id', () => ID) id: string,
    @Arg('value', () => JSONScalar, { nullable: true }) value: unknown,
    @Arg('gracePeriodHours', () => Int, { nullable: true, defaultValue: 0 }) gracePeriodHours: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.lifecycle.rotation.rotate(actorOf(ctx), id, { value, gracePeriodHours });
  }
}
