// Hostile input to the engine's two doors, scenario text and save text (issue 8):
// a corpus of known attacks, each with its exact message, and fuzzing that mutates the
// shipped scenarios and a real save. The promises: a clear message (or a playable game),
// never an exception, and nothing outside the input changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine';
import { formatProblem, idRecord, loadSave, protoKeyPaths, loadScenarioText, newGame, saveToJson, stateHash } from '../../src/engine';
import { playMatch, playQuick } from '../../src/ai/match';
import { parsePlayer } from '../../src/ai/player';
import type { Player } from '../../src/ai/player';
import type { SaveJson } from '../fixtures/hostile/engine';
import { HOSTILE_SAVES } from '../fixtures/hostile/engine';
import { BUILTIN_NAMES } from '../fixtures/hostile/renameIds';
import { builtinsChanged, fingerprintBuiltins } from '../fixtures/hostile/builtins';

const root = join(__dirname, '../..');
const SHIPPED = ['samarkand-2022', 'xian-2023', 'astana-2024', 'classroom-short'].map((id) => readFileSync(join(root, 'scenarios', `${id}.json`), 'utf8'));

const greedy: Player = (() => {
  const p = parsePlayer('greedy');
  if (!p.ok) throw new Error(p.error);
  return p.value;
})();
const bothGreedy = (s: Scenario): Record<string, Player> => idRecord(s.powers.map((p) => [p.id, greedy]));

/** A real save: three turns of the classroom scenario. */
const saveText = (() => {
  const s = loadScenarioText(SHIPPED[3] as string);
  if (!s.ok) throw new Error('classroom-short is invalid');
  return saveToJson(playMatch(s.value, 'hostile', { beijing: greedy, moscow: greedy }, { turns: 3 }).record);
})();

/** Words that mean a message leaked an internal value instead of describing the input. */
const LEAKS = /undefined|NaN|\[object |function |native code|Infinity/;

describe('hostile saves', () => {
  it.each(HOSTILE_SAVES.map((c) => [c.name, c] as const))('%s: refused with its message', (_name, c) => {
    const r = loadSave(c.make(saveText, JSON.parse(saveText) as SaveJson));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe(c.message);
  });
  it('the real save they are made from loads', () => {
    expect(loadSave(saveText).ok).toBe(true);
  });
  it('a save or scenario starting with a byte-order mark reads as without it', () => {
    expect(loadSave(`\uFEFF${saveText}`).ok).toBe(true);
    expect(loadScenarioText(`\uFEFF${SHIPPED[3] as string}`).ok).toBe(true);
  });
});

describe('text a player reads', () => {
  it.each([
    ['an escape sequence', 'A\u001b[2Jtitle', 'A\\u001b[2Jtitle'],
    ['a C1 control', 'A\u009btitle', 'A\\u009btitle'],
    ['a right-to-left override', 'A\u202etitle', 'A\\u202etitle'],
    ['an isolate', 'A\u2066title\u2069', 'A\\u2066title\\u2069'],
    ['a line separator', 'A\u2028title', 'A\\u2028title'],
  ])('with %s is refused, and the message shows it escaped', (_what, title, shown) => {
    const doc = JSON.parse(SHIPPED[3] as string) as { title: string };
    doc.title = title;
    const r = loadScenarioText(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => formatProblem('f.json', p))).toEqual([`f.json: title: found "${shown}"; expected text without control characters or direction overrides`]);
  });
  it('may have line breaks and tabs', () => {
    const doc = JSON.parse(SHIPPED[3] as string) as { summary: string };
    doc.summary = 'First line.\n\tSecond line.\r\n';
    expect(loadScenarioText(JSON.stringify(doc)).ok).toBe(true);
  });
});

// ---- fuzzing ----

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path to a value inside `v`, the root first. */
function pathsOf(v: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...path, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) pathsOf(v[k] as Json, [...path, k], out);
  return out;
}

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, 0, -1, 0.5, 1e308, -0, '', '$self', '$target', 'x'.repeat(5000), [], {}, [[[[[]]]]]),
  fc.constantFrom<Json>(...BUILTIN_NAMES, '__proto__', 'toString', 'hasOwnProperty', 'valueOf'),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'toString', 'prototype', 'keys', 'x', '$schema', 'citations');

/** Nudges keep a file plausible (a number moved a little, a string swapped for another of the file's strings), so games get played too. */
type Mutation = { at: number; kind: 'replace' | 'delete' | 'add-key' | 'rename-key' | 'duplicate' | 'nudge'; value: Json; key: string; step: number };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'add-key', 'rename-key', 'duplicate', 'nudge', 'nudge', 'nudge'),
  value: hostileValue,
  key: hostileKey,
  step: fc.integer({ min: -5, max: 5 }),
});

/** An own data property, also for "__proto__" (an assignment would set the prototype instead). */
const put = (o: object, k: string, v: unknown): void => void Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

function mutate(doc: Json, m: Mutation): Json {
  const paths = pathsOf(doc);
  const path = paths[m.at % paths.length] as Path;
  if (m.kind === 'nudge') {
    const value = (p: Path): Json => p.reduce<Json>((v, k) => (v as Record<string, Json>)[k] as Json, doc);
    const here = value(path);
    const strings = paths.map(value).filter((v): v is string => typeof v === 'string');
    const nudged: Json = typeof here === 'number' ? here + m.step : typeof here === 'string' ? (strings[(m.at + m.step + 5) % strings.length] as string) : here;
    return mutate(doc, { ...m, kind: 'replace', value: nudged });
  }
  // fast-check hands out the same constant objects ([], {}) run after run: each insertion gets
  // its own copy, or a later mutation would change the constant (and could make it contain itself).
  const value = structuredClone(m.value);
  if (path.length === 0) return m.kind === 'replace' ? value : doc;
  let parent: Json = doc;
  for (const p of path.slice(0, -1)) parent = (parent as Record<string, Json>)[p] as Json;
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) {
    const i = last as number;
    if (m.kind === 'delete') parent.splice(i, 1);
    else if (m.kind === 'duplicate') parent.splice(i, 0, JSON.parse(JSON.stringify(parent[i])) as Json);
    else parent[i] = value;
  } else if (parent !== null && typeof parent === 'object') {
    const obj = parent as Record<string, Json>;
    const k = last as string;
    if (m.kind === 'delete') delete obj[k];
    else if (m.kind === 'add-key') put(obj, m.key, value);
    else if (m.kind === 'rename-key') {
      const v = obj[k];
      delete obj[k];
      put(obj, m.key, v);
    } else put(obj, k, value);
  }
  return doc;
}

/** Checks the promises for one scenario text: a clear verdict, no exception, and a game that plays if it is accepted. */
function scenarioVerdict(text: string): 'accepted' | 'refused' {
  const r = loadScenarioText(text);
  if (!r.ok) {
    expect(r.error.length).toBeGreaterThan(0);
    for (const p of r.error) {
      const line = formatProblem('fuzz.json', p);
      expect(p.found.length * p.expected.length, line).toBeGreaterThan(0);
      expect(line).not.toMatch(LEAKS);
    }
    return 'refused';
  }
  const g = newGame(r.value, 'fuzz');
  if (!g.ok) throw new Error(g.error);
  playQuick(r.value, 'fuzz', bothGreedy(r.value), { turns: 2 });
  return 'accepted';
}

describe('fuzzing the loaders', () => {
  it('a mutated shipped scenario is refused with clear problems or plays, and nothing else changes', () => {
    const before = fingerprintBuiltins();
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(fc.nat(SHIPPED.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (which, mutations) => {
        let doc = JSON.parse(SHIPPED[which] as string) as Json;
        for (const m of mutations) doc = mutate(doc, m);
        const verdict = scenarioVerdict(JSON.stringify(doc));
        // A "__proto__" key is never read past: the file is refused where it carries one.
        if (protoKeyPaths(doc).length > 0) expect(verdict).toBe('refused');
        verdicts[verdict]++;
      }),
      { numRuns: 250 },
    );
    // Both outcomes were exercised: the fuzzer reached past the first check.
    expect(verdicts.accepted).toBeGreaterThan(10);
    expect(verdicts.refused).toBeGreaterThan(10);
    expect(builtinsChanged(before, fingerprintBuiltins())).toEqual([]);
  });

  it('a mutated save is refused with one clear message or loads the game it describes, and nothing else changes', () => {
    const before = fingerprintBuiltins();
    const verdicts = { loaded: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        let doc = JSON.parse(saveText) as Json;
        for (const m of mutations) doc = mutate(doc, m);
        const r = loadSave(JSON.stringify(doc));
        if (r.ok) {
          verdicts.loaded++;
          expect(stateHash(r.value.record.state)).toBe((doc as { finalHash?: unknown }).finalHash);
        } else {
          verdicts.refused++;
          expect(r.error.length).toBeGreaterThan(10);
          expect(r.error).not.toMatch(LEAKS);
        }
      }),
      { numRuns: 250 },
    );
    expect(verdicts.refused).toBeGreaterThan(100);
    expect(builtinsChanged(before, fingerprintBuiltins())).toEqual([]);
  });

  it('random text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(loadScenarioText(text).ok).toBe(false);
        expect(loadSave(text).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
