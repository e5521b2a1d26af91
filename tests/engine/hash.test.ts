import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashJson } from '../../src/engine';
import { hashString } from '../../src/engine/hash';

describe('state hash', () => {
  it('is the hash of the canonical JSON text, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(hashJson(v)).toBe(hashString(canonicalJson(v)));
        expect(canonicalJson(JSON.parse(JSON.stringify(v)))).toBe(canonicalJson(v));
      }),
      { numRuns: 300 },
    );
    expect(hashJson({ b: 1, a: [1, 'x'] })).toBe(hashJson({ a: [1, 'x'], b: 1 }));
    expect(canonicalJson({ b: 1, a: [1, 'x'] })).toBe('{"a":[1,"x"],"b":1}');
  });
  it('tells apart values that differ anywhere', () => {
    expect(hashJson({ a: 1 })).not.toBe(hashJson({ a: 2 }));
    expect(hashJson(['a'])).not.toBe(hashJson('a'));
    expect(hashJson({ a: 1 })).toMatch(/^[0-9a-f]{16}$/);
  });
});
