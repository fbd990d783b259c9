// Builds the federated subgraph schema: type-graphql classes -> SDL with directives -> buildSubgraphSchema,
// with type-graphql's resolvers plus federation's reference resolvers. (type-graphql cannot emit a
// subgraph schema itself; this is the documented bridge.)
import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import { EntityFields, RESOLVER_CLASSES } from '../resolvers/index.js';
import { ENTITY_REFS } from './entities.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@tag"])';

export async function buildTypeGraphqlSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVER_CLASSES as unknown as [Function, ...Function[]],
    // Extension entities that no resolver returns would otherwise be dropped, breaking `_entities`.
    orphanedTypes: ENTITY_REFS,
    skipCheck: true,
    validate: false,
    // type-graphql requires a PubSub once any @Subscription exists; ours all bring their own `subscribe`
    // (services/event-subscriptions.ts, fed by the PostgreSQL LISTEN/NOTIFY event bus), so this one stays idle.
    pubSub: createPubSub(),
  });
}

export async function buildFederatedSchema(): Promise<GraphQLSchema> {
  const base = await buildTypeGraphqlSchema();
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(base)}`);
  const resolvers = createResolversMap(base) as Record<string, Record<string, unknown>>;
  for (const [typeName, fields] of Object.entries(EntityFields)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...fields };
  }
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
}
