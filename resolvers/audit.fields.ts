// Audit-derived fields: AuditLog.hash, Secret.usage and Secret.lastAccessedAt (from value-read entries, never
// from the secret row), Organization.secretAuditLog and Organization.secretStats.
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SecretRow } from '../models/schema.js';
import { AuditFilter, AuditLog, AuditLogConnection, SecretStats, SecretUsage } from '../schema/audit.types.js';
import { OrganizationRef } from '../schema/entities.js';
import { DateTimeScalar } from '../schema/scalars.js';
import { Secret } from '../schema/secret.types.js';
import { auditLoaders, toAuditConnection, type AuditLogNode } from './audit.mapping.js';
import { actorOf, type GraphQLContext } from './context.js';

@Resolver(() => AuditLog)
export class AuditLogFields {
  @FieldResolver(() => String)
  async hash(@Root() entry: AuditLogNode, @Ctx() ctx: GraphQLContext) {
    if (entry.storedHash) return entry.storedHash;
    return `unsealed:${(await auditLoaders(ctx).contentHash.load(entry.sequence)) ?? ''}`;
  }
}

@Resolver(() => Secret)
export class SecretAuditFields {
  @FieldResolver(() => [SecretUsage], { description: 'Who read the value and how, newest first (GRANT holders and audit readers).' })
  usage(
    @Root() secret: SecretRow,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.audit.usage(actorOf(ctx), secret, first);
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'Last time the value was read (any version), by anyone.' })
  lastAccessedAt(@Root() secret: SecretRow, @Ctx() ctx: GraphQLContext) {
    return auditLoaders(ctx).lastAccessedAt.load(secret.id);
  }
}

@Resolver(() => OrganizationRef)
export class OrganizationAuditFields {
  @FieldResolver(() => AuditLogConnection, { description: "This organization's audit entries, newest first." })
  async secretAuditLog(
    @Root() org: OrganizationRef,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toAuditConnection(await ctx.services.audit.list(actorOf(ctx), { organizationId: org.id, filter, first, after }));
  }

  @FieldResolver(() => SecretStats, { description: "Counts over this organization's secrets that the caller may see." })
  secretStats(@Root() org: OrganizationRef, @Ctx() ctx: GraphQLContext) {
    return ctx.services.secretStats.forOrganization(actorOf(ctx), org.id);
  }
}
