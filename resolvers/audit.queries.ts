// Audit queries: the trail (filtered, paginated), one entry, chain verification, compliance report.
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { AuditChainVerification, AuditFilter, AuditLog, AuditLogConnection, ComplianceReport } from '../schema/audit.types.js';
import { DateTimeScalar } from '../schema/scalars.js';
import { complianceReportJson } from '../services/audit/compliance.js';
import { toAuditConnection, toAuditLogNode } from './audit.mapping.js';
import { actorOf, type GraphQLContext } from './context.js';

@Resolver()
export class AuditQueries {
  @Query(() => AuditLogConnection, {
    description: 'Audit entries, newest first. Without organizationId: every organization the caller may audit (all for global readers).',
  })
  async auditLogs(
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | undefined,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toAuditConnection(await ctx.services.audit.list(actorOf(ctx), { organizationId, filter, first, after }));
  }

  @Query(() => AuditLog, { nullable: true })
  async auditLog(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    const row = await ctx.services.audit.get(actorOf(ctx), id);
    return row ? toAuditLogNode(row) : null;
  }

  @Query(() => AuditChainVerification)
  verifyAuditChain(@Arg('organizationId', () => ID, { nullable: true }) organizationId: string | undefined, @Ctx() ctx: GraphQLContext) {
    return ctx.services.audit.verifyChain(actorOf(ctx), organizationId);
  }

  @Query(() => ComplianceReport)
  async complianceReport(
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | undefined,
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
    @Ctx() ctx: GraphQLContext,
  ) {
    const report = await ctx.services.audit.complianceReport(actorOf(ctx), { organizationId, from, to });
    return { ...report, json: complianceReportJson(report) };
  }
}
