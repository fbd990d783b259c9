import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { chainHash, linkEntries } from './chain-hash.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

test('each link covers the previous sequence and hash and the entry content', () => {
  const links = linkEntries(undefined, [
    { sequence: 1, contentHash: sha('a') },
    { sequence: 4, contentHash: sha('b') },
  ]);
  expect(links[0]).toEqual({ sequence: 1, prevSequence: null, prevHash: null, hash: sha(`||${sha('a')}`) });
  expect(links[1]).toEqual({ sequence: 4, prevSequence: 1, prevHash: links[0].hash, hash: sha(`1|${links[0].hash}|${sha('b')}`) });
});

test('linking continues from the sealed head', () => {
  const [link] = linkEntries({ lastSequence: 9, lastHash: 'h9' }, [{ sequence: 10, contentHash: 'c' }]);
  expect(link).toEqual({ sequence: 10, prevSequence: 9, prevHash: 'h9', hash: chainHash(9, 'h9', 'c') });
  expect(chainHash(9, 'h9', 'c')).not.toBe(chainHash(8, 'h9', 'c'));
});
