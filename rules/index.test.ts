// Deny by default, explicitly allowed: every root field of the served schema has its own rule.
import { expect, test } from 'vitest';
import { buildFederatedSchema } from '../schema/build.js';
import { buildRuleTree, ROOT_RULES, SENSITIVE_FIELD_RULES } from './index.js';

test('every Query, Mutation and Subscription field has an explicit rule', async () => {
  const schema = await buildFederatedSchema();
  const missing: string[] = [];
  for (const root of ['Query', 'Mutation', 'Subscription'] as const) {
    const type = schema.getType(root);
    if (!type || !('getFields' in type)) continue;
    for (const field of Object.keys(type.getFields())) {
      if (!(field in ROOT_RULES[root])) missing.push(`${root}.${field}`);
    }
  }
  expect(missing).toEqual([]);
});

test('sensitive Secret fields carry their own rule, not the generic one', async () => {
  const schema = await buildFederatedSchema();
  const tree = buildRuleTree(schema) as Record<string, Record<string, unknown>>;
  const secretFields = Object.keys((schema.getType('Secret') as any).getFields());
  for (const field of ['value', 'accessGrants', 'effectiveAccess']) {
    expect(secretFields).toContain(field);
    expect(tree.Secret[field]).toBe(SENSITIVE_FIELD_RULES.Secret[field]);
  }
  expect(tree._Service['*']).not.toBe(tree.Secret['*']);
});
