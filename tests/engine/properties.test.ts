// Invariants over random legal order sequences (fast-check): budgets never negative,
// values within bounds, every changed value has a ledger entry, same inputs give the
// same hash, saves round-trip, legal orders never throw, illegal ones get a reason.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GameState, Order, Scenario } from '../../src/engine';
import { legalOrders, loadSave, newGame, playTurn, resolveTurn, saveToJson, startRecord, stateHash, validateOrders } from '../../src/engine';
import { shippedScenario } from '../fixtures/shipped';

const scenario = shippedScenario('classroom-short');

/** Picks orders for a power from a list of choice numbers: each picks among the legal orders still affordable. */
function pick(s: Scenario, st: GameState, power: string, choices: number[]): Order[] {
  let budget = st.powers[power]?.budget ?? 0;
  const out: Order[] = [];
  const used = new Set<string>();
  for (const c of choices.slice(0, s.rules.maxOrdersPerTurn)) {
    const options = legalOrders(s, st, power).filter((o) => o.cost <= budget && !used.has(JSON.stringify(o.order)));
    if (options.length === 0) break;
    const o = options[c % options.length];
    if (!o) break;
    out.push(o.order);
    used.add(JSON.stringify(o.order));
    budget -= o.cost;
  }
  return out;
}

const turnChoices = fc.record({ beijing: fc.array(fc.nat(), { maxLength: 3 }), moscow: fc.array(fc.nat(), { maxLength: 3 }) });
const gameArb = fc.record({ seed: fc.string({ maxLength: 12 }), turns: fc.array(turnChoices, { minLength: 1, maxLength: 8 }) });

function play(seed: string, turns: { beijing: number[]; moscow: number[] }[], check?: (before: GameState, after: GameState, changes: { path: string }[]) => void): GameState {
  const g = newGame(scenario, seed);
  if (!g.ok) throw new Error(g.error);
  let st = g.value;
  for (const t of turns) {
    if (st.phase.kind === 'over') break;
    const orders = { beijing: pick(scenario, st, 'beijing', t.beijing), moscow: pick(scenario, st, 'moscow', t.moscow) };
    const r = resolveTurn(scenario, st, orders);
    if (!r.ok) throw new Error(`legal orders were refused: ${r.error.message}`);
    check?.(st, r.value.state, r.value.report.changes);
    st = r.value.state;
  }
  return st;
}

/** Every leaf of the state as path → value, in the ledger's path spelling. */
function leaves(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, JSON.stringify(value));
  return out;
}

describe('invariants over random legal games', () => {
  it('budgets never go negative and every value stays in bounds', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, turns }) => {
        play(seed, turns, (_b, after) => {
          for (const p of Object.values(after.powers)) {
            expect(p.budget).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(p.budget)).toBe(true);
          }
          for (const c of Object.values(after.countries)) {
            for (const v of [...Object.values(c.influence), c.stability, ...Object.values(c.dependence.economic), ...Object.values(c.dependence.security)]) {
              expect(Number.isInteger(v) && v >= 0 && v <= 100).toBe(true);
            }
          }
          for (const def of scenario.powers) for (const t of def.tracks) {
            const v = after.powers[def.id]?.tracks[t.id] ?? -1;
            expect(v >= t.min && v <= t.max).toBe(true);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('every value that changes in a turn has a ledger entry (besides the turn counter, the generator and the next turn\'s draws)', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, turns }) => {
        play(seed, turns, (before, after, changes) => {
          const a = leaves(before);
          const b = leaves(after);
          const logged = new Set(changes.map((c) => c.path));
          for (const [path, v] of b) {
            if (a.get(path) === v || path === 'turn' || path.startsWith('rng.') || path === 'eventDraws' || path === 'phase.kind' || path.startsWith('phase.') || path === 'fired') continue;
            const covered = logged.has(path) || [...logged].some((l) => path.startsWith(`${l}.`)) || (path === 'flags' && changes.some((c) => c.path.startsWith('flags.')));
            expect(covered, `${path} changed without a ledger entry`).toBe(true);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('the events\' chance is drawn before any order: whatever two sets of orders, each event roll of the turn is the draw the state held before', () => {
    fc.assert(
      fc.property(gameArb, turnChoices, ({ seed, turns }, other) => {
        const st = play(seed, turns.slice(0, -1));
        if (st.phase.kind === 'over') return;
        const last = turns[turns.length - 1] ?? other;
        const rollsFor = (t: { beijing: number[]; moscow: number[] }) => {
          const r = resolveTurn(scenario, st, { beijing: pick(scenario, st, 'beijing', t.beijing), moscow: pick(scenario, st, 'moscow', t.moscow) });
          if (!r.ok) throw new Error(r.error.message);
          return r.value.report.rolls.filter((x) => x.what.startsWith('Event: '));
        };
        const drawn = new Map(st.eventDraws.map((d) => [scenario.events.find((e) => e.id === d.id)?.title, d]));
        for (const rolls of [rollsFor(last), rollsFor(other)]) {
          for (const roll of rolls) {
            const d = drawn.get(roll.what.replace(/^Event: (.*) \(drawn at the start of the turn\)$/, '$1'));
            expect(d && { drawn: d.drawn, hit: d.hit }, roll.what).toEqual({ drawn: roll.drawn, hit: roll.hit });
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the same scenario, seed and orders give the same hash; another seed a different game', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, turns }) => {
        expect(stateHash(play(seed, turns))).toBe(stateHash(play(seed, turns)));
      }),
      { numRuns: 30 },
    );
    const long = Array.from({ length: 8 }, () => ({ beijing: [0, 1], moscow: [2, 3] }));
    expect(stateHash(play('a', long))).not.toBe(stateHash(play('b', long)));
  });

  it('a saved game loads to the same state, byte for byte', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, turns }) => {
        const start = startRecord(scenario, seed);
        if (!start.ok) throw new Error(start.error);
        let rec = start.value;
        for (const t of turns) {
          if (rec.state.phase.kind === 'over') break;
          const r = playTurn(rec, { beijing: pick(scenario, rec.state, 'beijing', t.beijing), moscow: pick(scenario, rec.state, 'moscow', t.moscow) });
          if (!r.ok) throw new Error(r.error);
          rec = r.value.record;
        }
        const loaded = loadSave(saveToJson(rec));
        expect(loaded.ok).toBe(true);
        if (loaded.ok) expect(JSON.stringify(loaded.value.record.state)).toBe(JSON.stringify(rec.state));
      }),
      { numRuns: 25 },
    );
  });

  it('arbitrary order lists never throw: they are accepted or rejected with a reason', () => {
    const anyOrder = fc.oneof(
      fc.record({ type: fc.constantFrom('invest', 'security-deal', 'diplomacy', 'special', 'bribe'), action: fc.constantFrom(...scenario.actions.map((a) => a.id), 'nope'), country: fc.constantFrom('kazakhstan', 'uzbekistan', 'russia', 'atlantis') }),
      fc.record({ type: fc.constant('project'), project: fc.constantFrom(...scenario.projects.map((p) => p.id), 'nope') }),
      fc.anything(),
    );
    const g = newGame(scenario, 'fuzz');
    if (!g.ok) throw new Error(g.error);
    fc.assert(
      fc.property(fc.constantFrom('beijing', 'moscow'), fc.array(anyOrder, { maxLength: 5 }), (power, orders) => {
        const v = validateOrders(scenario, g.value, power, orders);
        if (!v.ok) for (const r of v.error) expect(r.reason.length).toBeGreaterThan(5);
        const r = resolveTurn(scenario, g.value, { [power]: orders });
        expect(r.ok).toBe(v.ok);
      }),
      { numRuns: 300 },
    );
  });
});
