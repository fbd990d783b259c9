// ENV_VARIABLE_SET values.
import { describe, expect, test } from 'vitest';
import { issuesOf } from './test-support.js';

const BAD_NAME = 'must be letters, digits and _, not starting with a digit';

describe('ENV_VARIABLE_SET', () => {
  test('accepts string variables with shell-style names', () => {
    expect(issuesOf('ENV_VARIABLE_SET', { variables: { PATH: '/bin', _private: '', node_env2: 'test' } })).toEqual([]);
  });

  test('reports each bad name and each non-string value at its own path', () => {
    const variables = { GOOD: 'x', '1BAD': 'x', 'WITH-DASH': 'x', 'HAS SPACE': 'x', '': 'x', COUNT: 3 };
    expect(issuesOf('ENV_VARIABLE_SET', { variables })).toEqual([
      { path: 'variables.1BAD', message: BAD_NAME },
      { path: 'variables.WITH-DASH', message: BAD_NAME },
      { path: 'variables.HAS SPACE', message: BAD_NAME },
      { path: 'variables.', message: BAD_NAME },
      { path: 'variables.COUNT', message: 'must be a string' },
    ]);
  });

  test('refuses __proto__, which a copy of the object would silently lose', () => {
    expect(issuesOf('ENV_VARIABLE_SET', JSON.parse('{"variables":{"__proto__":"x","OK":"y"}}'))).toEqual([
      { path: 'variables.__proto__', message: 'is a reserved name' },
    ]);
  });

  test('needs at least one variable, in an object', () => {
    expect(issuesOf('ENV_VARIABLE_SET', { variables: {} })).toEqual([{ path: 'variables', message: 'must contain at least one variable' }]);
    expect(issuesOf('ENV_VARIABLE_SET', { variables: [['A', 'b']] })).toEqual([{ path: 'variables', message: 'must be an object' }]);
    expect(issuesOf('ENV_VARIABLE_SET', { A: 'b' })).toEqual([
      { path: 'variables', message: 'is required' },
      { path: 'A', message: 'is not a field of this secret type' },
    ]);
  });
});
