// Ids are data. A scenario whose ids are the names of JavaScript built-ins
// ("constructor", "keys", "length", "then"…) validates, plays, saves, replays and is
// balanced exactly like the same scenario under ordinary names, with every computer
// player, and no built-in is touched on the way (issue 8, D1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameState, Order, Scenario, TurnReport } from '../../src/engine';
import { legalOrders, loadSave, loadScenario, newGame, previewOrder, resolveTurn, saveToJson, startRecord, playTurn, stateHash, validateOrders, viewFor } from '../../src/engine';
import { parsePlayer } from '../../src/ai/player';
import { playMatch } from '../../src/ai/match';
import { playBalanceGame, summarize } from '../../src/ai/balance';
import type { GameSummary } from '../../src/ai/balance';
import { BUILTIN_NAMES, renameIds, scenarioIds } from '../fixtures/hostile/renameIds';
import type { BuiltinsFingerprint } from '../fixtures/hostile/builtins';
import { builtinsChanged, fingerprintBuiltins } from '../fixtures/hostile/builtins';

const root = join(__dirname, '../..');
const json = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const SCENARIOS = ['scenarios/templates/blank.json', 'scenarios/classroom-short.json', 'scenarios/samarkand-2022.json'];

function load(input: unknown): Scenario {
  const r = loadScenario(input);
  if (!r.ok) throw new Error(r.error.map((p) => `${p.path}: found ${p.found}; expected ${p.expected}`).join('\n'));
  return r.value;
}

/** An arbitrary renaming of some of the scenario's ids to built-in names (one-to-one). */
function renamingOf(ids: readonly string[]): fc.Arbitrary<Map<string, string>> {
  return fc
    .tuple(fc.shuffledSubarray([...BUILTIN_NAMES], { minLength: 1 }), fc.shuffledSubarray([...ids], { minLength: 1 }))
    .map(([names, chosen]) => new Map(chosen.slice(0, names.length).map((id, i) => [id, names[i] as string])));
}

/** What a turn did, without the ids: values moved and their causes' kinds. */
const shapeOf = (r: TurnReport): unknown => ({ changes: r.changes.map((c) => [c.from, c.to, c.cause.kind]), events: r.events.map((e) => e.title), rolls: r.rolls.map((x) => [x.chancePct, x.drawn]), result: r.result?.reason });

let fingerprint: BuiltinsFingerprint;
beforeAll(() => {
  fingerprint = fingerprintBuiltins();
});
afterAll(() => {
  // The whole file ran with hostile ids: nothing outside the game changed.
  expect(builtinsChanged(fingerprint, fingerprintBuiltins())).toEqual([]);
});

describe.each(SCENARIOS)('%s with ids named like built-ins', (path) => {
  const original = json(path);
  const plain = load(original);
  const ids = scenarioIds(original);

  it('plays the same game as under its own names (greedy against greedy), and touches no built-in', () => {
    fc.assert(
      fc.property(renamingOf(ids), fc.string({ maxLength: 8 }), (names, seed) => {
        const before = fingerprintBuiltins();
        const renamed = load(renameIds(original, names));
        const greedy = parsePlayer('greedy');
        if (!greedy.ok) throw new Error(greedy.error);
        const a = playMatch(plain, seed, Object.fromEntries(plain.powers.map((p) => [p.id, greedy.value])));
        const b = playMatch(renamed, seed, Object.fromEntries(renamed.powers.map((p) => [p.id, greedy.value])));
        expect(b.reports.map(shapeOf)).toEqual(a.reports.map(shapeOf));
        expect(renamed.powers.map((p) => b.scores[p.id])).toEqual(plain.powers.map((p) => a.scores[p.id]));
        // The state holds exactly the scenario's ids as its own keys, and only numbers under them.
        expect(Object.keys(b.state.powers)).toEqual(renamed.powers.map((p) => p.id));
        for (const c of Object.values(b.state.countries)) for (const v of Object.values(c.influence)) expect(typeof v).toBe('number');
        expect(builtinsChanged(before, fingerprintBuiltins())).toEqual([]);
      }),
      { numRuns: path.includes('samarkand') ? 8 : 20 },
    );
  });

  it('every player, save and replay, view, preview and balance summary work with such ids', () => {
    fc.assert(
      fc.property(renamingOf(ids), fc.constantFrom('random', 'varied', 'search:1'), (names, playerName) => {
        const before = fingerprintBuiltins();
        const renamed = load(renameIds(original, names));
        const player = parsePlayer(playerName);
        if (!player.ok) throw new Error(player.error);
        const turns = path.includes('samarkand') ? 4 : 8;
        const m = playMatch(renamed, 's1', Object.fromEntries(renamed.powers.map((p) => [p.id, player.value])), { turns });
        // A save replays to the same state.
        const loaded = loadSave(saveToJson(m.record));
        if (!loaded.ok) throw new Error(loaded.error);
        expect(stateHash(loaded.value.record.state)).toBe(stateHash(m.record.state));
        // A state that went through JSON (prototypes back on its records) resolves the same turn the same way.
        const start = newGame(renamed, 's2');
        if (!start.ok) throw new Error(start.error);
        const orders: Record<string, Order[]> = Object.create(null) as Record<string, Order[]>;
        for (const p of renamed.powers) orders[p.id] = legalOrders(renamed, start.value, p.id).slice(0, 1).map((o) => o.order);
        const direct = resolveTurn(renamed, start.value, orders);
        const revived = resolveTurn(renamed, JSON.parse(JSON.stringify(start.value)) as GameState, JSON.parse(JSON.stringify(orders)) as Record<string, unknown>);
        if (!direct.ok || !revived.ok) throw new Error('a legal turn was refused');
        expect(stateHash(revived.value.state)).toBe(stateHash(direct.value.state));
        // Views, previews and order checks for every power and every legal order.
        for (const p of renamed.powers) {
          const view = viewFor(renamed, start.value, p.id);
          for (const o of legalOrders(renamed, view, p.id)) expect(previewOrder(renamed, view, p.id, o.order).ok).toBe(true);
          // Orders naming built-ins that are not in the scenario are refused with a reason, never followed.
          for (const bogus of BUILTIN_NAMES) {
            const r = validateOrders(renamed, start.value, p.id, [{ type: 'invest', action: bogus, country: bogus }, { type: 'project', project: bogus }]);
            if (!ids.some((id) => names.get(id) === bogus)) expect(r.ok).toBe(false);
          }
        }
        for (const bogus of BUILTIN_NAMES) {
          if (renamed.powers.some((p) => p.id === bogus)) continue;
          expect(validateOrders(renamed, start.value, bogus, []).ok).toBe(true);
          expect(legalOrders(renamed, start.value, bogus)).toEqual([]);
          const r = resolveTurn(renamed, start.value, { [bogus]: [] });
          expect(r.ok).toBe(false);
        }
        // Balance summaries cross a worker boundary as structured clones (JSON here): they must still add up.
        const games: GameSummary[] = [0, 1].map((i) => JSON.parse(JSON.stringify(playBalanceGame(renamed, 'b', i, Object.fromEntries(renamed.powers.map((p) => [p.id, 'greedy']))))) as GameSummary);
        const report = summarize(renamed, 'b', {}, games);
        for (const p of renamed.powers) {
          expect(report.wins[p.id]).toBeTypeOf('number');
          for (const k of Object.values(report.orderKinds[p.id] ?? {})) expect(k.share).toBeTypeOf('number');
        }
        expect(builtinsChanged(before, fingerprintBuiltins())).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});

describe('a record with no prototype', () => {
  it('holds a game whose every id is a built-in name, from newGame through a whole match', () => {
    const original = json('scenarios/templates/blank.json');
    const ids = scenarioIds(original);
    const names = new Map(ids.map((id, i) => [id, BUILTIN_NAMES[i % BUILTIN_NAMES.length] as string]));
    const renamed = load(renameIds(original, names));
    const r = startRecord(renamed, 'all-builtins');
    if (!r.ok) throw new Error(r.error);
    let record = r.value;
    const greedy = parsePlayer('search:1');
    if (!greedy.ok) throw new Error(greedy.error);
    while (record.state.phase.kind === 'playing') {
      const orders = Object.fromEntries(renamed.powers.map((p) => [p.id, greedy.value.decide(renamed, viewFor(renamed, record.state, p.id))]));
      const t = playTurn(record, orders);
      if (!t.ok) throw new Error(t.error);
      record = t.value.record;
    }
    expect(record.state.phase.kind).toBe('over');
    expect(Object.getPrototypeOf(record.state.powers)).toBeNull();
    expect(Object.getPrototypeOf(record.state.countries[renamed.countries.find((c) => c.role === 'contested')?.id ?? '']?.influence)).toBeNull();
  });
});
