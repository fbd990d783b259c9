// Federation: the emitted SDL composes with a small users/organizations subgraph, and a real gateway
// answers a query that joins Organization (owned by the other subgraph) with Organization.secrets (ours).
import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pgliteEngine } from '../support/engines.js';
import { startTestServer, type TestServer } from '../support/server.js';

const USERS_SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Organization @key(fields: "id") { id: ID! name: String! }
  type User @key(fields: "id") { id: ID! email: String! }
  type Query { organization(id: ID!): Organization users: [User!]! }
`);
const ORGS: Record<string, { id: string; name: string }> = { 'org-acme': { id: 'org-acme', name: 'Acme Corp' } };

let secrets: TestServer;
let users: ApolloServer;
let usersUrl: string;
let gateway: ApolloServer;
let gatewayUrl: string;

beforeAll(async () => {
  secrets = await startTestServer(pgliteEngine);
  users = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: USERS_SDL,
      resolvers: {
        Query: { organization: (_: unknown, { id }: { id: string }) => ORGS[id] ?? null, users: () => [{ id: 'u-1', email: 'a@acme.test' }] },
        Organization: { __resolveReference: (ref: { id: string }) => ORGS[ref.id] ?? null },
      } as never,
    }),
  });
  ({ url: usersUrl } = await startStandaloneServer(users, { listen: { port: 0, host: '127.0.0.1' } }));
});

afterAll(async () => {
  await gateway?.stop();
  await users?.stop();
  await secrets?.dispose();
});

test('the committed SDL composes with a users/organizations subgraph', () => {
  const result = composeServices([
    { name: 'users', typeDefs: USERS_SDL, url: usersUrl },
    { name: 'secrets', typeDefs: parse(readFileSync('schema/schema.graphql', 'utf8')), url: secrets.url },
  ]);
  expect(result.errors ?? []).toEqual([]);
  expect(result.supergraphSdl).toContain('secrets(');
});

test('a gateway joins Organization from one subgraph with Organization.secrets from ours', async () => {
  await secrets.admin(`mutation { createSecret(input: {name: "acme-stripe", type: GENERIC, scope: ORGANIZATION, organizationId: "org-acme", value: {value: "x"}}) { id } }`);
  const composed = composeServices([
    { name: 'users', typeDefs: USERS_SDL, url: usersUrl },
    { name: 'secrets', typeDefs: parse(readFileSync('schema/schema.graphql', 'utf8')), url: secrets.url },
  ]);
  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: composed.supergraphSdl!,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<{ authorization?: string }>({
          url,
          willSendRequest({ request, context }) {
            if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          },
        }),
    }),
  });
  ({ url: gatewayUrl } = await startStandaloneServer(gateway, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  }));
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secrets.adminToken}` },
    body: JSON.stringify({
      query: `{ organization(id: "org-acme") { name secrets { totalCount edges { node { name organization { id name } } } } } }`,
    }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data.organization).toEqual({
    name: 'Acme Corp',
    secrets: { totalCount: 1, edges: [{ node: { name: 'acme-stripe', organization: { id: 'org-acme', name: 'Acme Corp' } } }] },
  });
});
