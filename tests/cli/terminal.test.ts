// What the command line prints cannot command the terminal: every control, bidi
// formatting character and line separator is shown as \uXXXX, in text and in JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/terminal';

/** Every character a terminal may act on or reorder by: C0, DEL, C1, bidi controls, line and paragraph separators. */
const UNSAFE: number[] = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
];
const RAW_UNSAFE = new RegExp(`[${UNSAFE.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`, 'u');

describe('terminalSafe', () => {
  it('writes each unsafe character as \\uXXXX', () => {
    for (const c of UNSAFE) expect(terminalSafe(`a${String.fromCharCode(c)}b`)).toBe(`a\\u${c.toString(16).padStart(4, '0')}b`);
    expect(terminalSafe('\u001b[2J\u001b]0;owned\u0007')).toBe('\\u001b[2J\\u001b]0;owned\\u0007');
  });
  it('leaves everything else as it is', () => {
    const text = 'Samarkand — Самарканд, 撒马尔罕, سمرقند, «quotes» 🚄 \\ "';
    expect(terminalSafe(text)).toBe(text);
  });
  it('keeps JSON valid and its values the same', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const json = terminalSafe(JSON.stringify({ value, text }));
        expect(json).not.toMatch(RAW_UNSAFE);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ value, text })));
      }),
      { numRuns: 500 },
    );
  });
  it('leaves no unsafe character in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(terminalSafe(text)).not.toMatch(RAW_UNSAFE);
      }),
      { numRuns: 1000 },
    );
  });
});
