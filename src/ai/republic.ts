// Computer players for the republics (issue 10, item 7: "computer players for every
// role"). Each turn every contested republic takes a stance (hedge, lean to a patron,
// crack down) after seeing the orders aimed at it; see src/engine/republics.ts. A
// republic player sees the public board (no generator, no seed, no power's secret
// track) and only the orders aimed at its own country, as the rules say: it answers
// offers, it does not guess them. Players:
//   - `rule`: the engine's rule of thumb (ruleOfThumbChoice), exactly what the engine
//     takes when no player chooses;
//   - `greedy`: tries every stance on imagined copies of this turn (`determinize`: a
//     generator of its own, as a power's search does) and keeps the one that best serves
//     the republic's interest (`republicInterest` below); ties go to the rule of thumb;
//   - `search`: the same, looking two turns ahead: after this turn the powers play the
//     rule-of-thumb power player (`greedy`) and the republic answers with its greedy stance;
//     the interest after each of the two turns is added up.
// All are deterministic for the game seed, the country and the turn (no Math.random, no clock).
import type { GameState, Order, RepublicChoice, Scenario, StateLike } from '../engine';
import { determinize, hashJson, idRecord, indexScenario, own, republicChoices, resolveTurn, ruleOfThumbChoice, viewFor } from '../engine';
import type { Result } from '../engine';
import { greedyOrders } from './greedy';

/** The board a republic sees: a state without generator, seed or secret tracks, and a seed of its own for its imagined futures. */
export type RepublicView = StateLike & { viewer: string; playerSeed: string };

export interface RepublicPlayer {
  /** As named on the command line: rule, greedy, search. */
  name: string;
  /**
   * The stance of `country` this turn, given the public board and the orders given this
   * turn (power id → orders; the player looks only at those aimed at its country).
   * Deterministic for the same arguments; a `playerSeed` on the state (republicView) seeds
   * its imagined futures, otherwise the board itself does.
   */
  decide(scenario: Scenario, state: StateLike, country: string, orders: Readonly<Record<string, readonly Order[]>>): RepublicChoice;
}

export const REPUBLIC_PLAYER_NAMES = ['rule', 'greedy', 'search'] as const;

/** What a republic sees of the game: the public board (every power's secret tracks removed) and a seed from the game seed and the country. */
export function republicView(scenario: Scenario, state: GameState, country: string): RepublicView {
  // A viewer that is no power: every power's secret tracks are removed.
  const { viewer: _viewer, playerSeed: _playerSeed, ...board } = viewFor(scenario, state, '');
  return { ...board, viewer: country, playerSeed: hashJson(['republic-seed', state.seed, country]) };
}

/** The orders a republic sees: actions in its country, and projects whose route passes through it (what the rule of thumb weighs as offers). */
export function ordersAimedAt(scenario: Scenario, country: string, orders: Readonly<Record<string, readonly Order[]>>): Record<string, Order[]> {
  const ix = indexScenario(scenario);
  const out = idRecord<Order[]>();
  for (const p of ix.powerIds) {
    out[p] = (own(orders, p) ?? []).filter((o) => (o.type === 'project' ? (ix.routeCountries.get(o.project) ?? []).includes(country) : o.country === country));
  }
  return out;
}

/**
 * A republic's interest in a state, from the scenario's own values for it (higher is better):
 *
 *   stability  — each point up to its starting stability counts 1, each point above it ¼
 *                (order beyond its normal buys little: the engine does not price a
 *                crackdown's cost in liberty, so unbounded stability would always win);
 *   balance    — −(sovereignty ÷ 100) × the leader's lead over the runner-up: a proud
 *                republic wants its patrons evenly matched, a pliant one hardly minds;
 *   dependence — ((100 − sovereignty) ÷ 100) × its economic plus security ties, averaged
 *                over the powers: the money and protection a patron brings, which a less
 *                sovereignty-minded government values more.
 *
 * A country that is not contested (or not on the board) scores 0.
 */
export function republicInterest(scenario: Scenario, state: StateLike, country: string): number {
  const ix = indexScenario(scenario);
  const def = ix.contested.get(country);
  const c = own(state.countries, country);
  if (!def || !c) return 0;
  const sov = def.sovereignty / 100;
  const normal = def.stability;
  const stability = Math.min(c.stability, normal) + 0.25 * Math.max(0, c.stability - normal);
  const shares = ix.powerIds.map((p) => own(c.influence, p) ?? 0).sort((a, b) => b - a);
  const lead = (shares[0] ?? 0) - (shares[1] ?? 0);
  let ties = 0;
  for (const p of ix.powerIds) ties += (own(c.dependence.economic, p) ?? 0) + (own(c.dependence.security, p) ?? 0);
  return stability - sov * lead + (1 - sov) * (ties / Math.max(1, ix.powerIds.length));
}

/** Scores closer than this are a tie (the interest is a sum of fractions). */
const TIE = 1e-9;

function seedOf(state: StateLike): string {
  const s = (state as { playerSeed?: unknown }).playerSeed;
  return typeof s === 'string' ? s : hashJson(state);
}

interface Imagined {
  /** The republic's total interest over the turns imagined, summed over the samples. */
  score: number;
  /** Whether every imagined turn resolved (a choice whose turn fails is not taken). */
  ok: boolean;
}

/** Plays this turn on an imagined copy with `choice` for `country` (the others take the rule of thumb), and `more` for what follows. */
function imagineTurn(scenario: Scenario, start: GameState, country: string, orders: Record<string, Order[]>, choice: RepublicChoice, more: (s: GameState) => number): Imagined {
  const r = resolveTurn(scenario, start, orders, idRecord([[country, choice]]));
  if (!r.ok) return { score: 0, ok: false };
  return { score: republicInterest(scenario, r.value.state, country) + more(r.value.state), ok: true };
}

export interface ChoiceScore {
  choice: RepublicChoice;
  /** The republic's interest after the imagined turn(s), summed over the imagined futures; null if a turn could not be resolved. */
  score: number | null;
}

export interface LookOptions {
  /** Imagined futures per choice (each with a generator of the player's own). */
  samples: number;
  /** Turns looked ahead: 1 (this turn) or 2 (and the next, with the powers played by greedy). */
  horizon: 1 | 2;
}

export const GREEDY_LOOK: LookOptions = { samples: 2, horizon: 1 };
export const SEARCH_LOOK: LookOptions = { samples: 2, horizon: 2 };

/** Every stance scored by the republic's interest on imagined copies of the turn (the same futures for every stance, so they compare fairly). */
export function scoreChoices(scenario: Scenario, state: StateLike, country: string, orders: Readonly<Record<string, readonly Order[]>>, look: LookOptions = GREEDY_LOOK): ChoiceScore[] {
  const visible = ordersAimedAt(scenario, country, orders);
  const seed = `${seedOf(state)}|${country}|${state.turn}|h${look.horizon}`;
  const choices = republicChoices(scenario);
  const totals = choices.map(() => 0);
  const ok = choices.map(() => true);
  for (let k = 0; k < look.samples; k++) {
    const start = determinize(state, `${seed}|${k}`);
    const next = (s: GameState): number => {
      if (look.horizon === 1) return 0;
      // The turn after: the powers play the rule of thumb, and the republic answers as greedy would.
      if (s.phase.kind !== 'playing') return republicInterest(scenario, s, country);
      const orders2 = idRecord<Order[]>();
      for (const p of scenario.powers) orders2[p.id] = greedyOrders(scenario, s, p.id);
      const reply = bestChoice(scenario, s, country, orders2, { samples: 1, horizon: 1 }, `${seed}|${k}|next`);
      const r = resolveTurn(scenario, s, orders2, idRecord([[country, reply]]));
      return r.ok ? republicInterest(scenario, r.value.state, country) : republicInterest(scenario, s, country);
    };
    choices.forEach((choice, i) => {
      const r = imagineTurn(scenario, start, country, visible, choice, next);
      totals[i] = (totals[i] as number) + r.score;
      if (!r.ok) ok[i] = false;
    });
  }
  return choices.map((choice, i) => ({ choice, score: ok[i] ? (totals[i] as number) : null }));
}

const sameChoice = (a: RepublicChoice, b: RepublicChoice): boolean => a.kind === b.kind && (a.kind !== 'lean' || (b.kind === 'lean' && a.power === b.power));

/** The stance with the best score; ties (and a turn that cannot be imagined) go to the rule of thumb's stance. */
function bestChoice(scenario: Scenario, state: StateLike, country: string, orders: Readonly<Record<string, readonly Order[]>>, look: LookOptions, seed?: string): RepublicChoice {
  const rule = ruleOfThumbChoice(scenario, state, country, ordersAimedAt(scenario, country, orders)).choice;
  if (state.phase.kind !== 'playing' || !indexScenario(scenario).contested.has(country)) return rule;
  const board = seed === undefined ? state : { ...state, playerSeed: seed };
  const scores = scoreChoices(scenario, board, country, orders, look);
  const ruleScore = scores.find((s) => sameChoice(s.choice, rule))?.score ?? null;
  if (ruleScore === null) return rule;
  let best = rule;
  let bestScore = ruleScore;
  for (const s of scores) {
    if (s.score !== null && s.score > bestScore + TIE) {
      best = s.choice;
      bestScore = s.score;
    }
  }
  return best;
}

export function ruleRepublic(): RepublicPlayer {
  return { name: 'rule', decide: (scenario, state, country, orders) => ruleOfThumbChoice(scenario, state, country, ordersAimedAt(scenario, country, orders)).choice };
}

export function greedyRepublic(look: LookOptions = GREEDY_LOOK): RepublicPlayer {
  return { name: 'greedy', decide: (scenario, state, country, orders) => bestChoice(scenario, state, country, orders, look) };
}

export function searchRepublic(look: LookOptions = SEARCH_LOOK): RepublicPlayer {
  return { name: 'search', decide: (scenario, state, country, orders) => bestChoice(scenario, state, country, orders, look) };
}

/** A republic player by name: `rule`, `greedy` or `search`, optionally written `republic:<name>`. */
export function parseRepublicPlayer(name: string): Result<RepublicPlayer, string> {
  const bare = name.startsWith('republic:') ? name.slice('republic:'.length) : name;
  if (bare === 'rule') return { ok: true, value: ruleRepublic() };
  if (bare === 'greedy') return { ok: true, value: greedyRepublic() };
  if (bare === 'search') return { ok: true, value: searchRepublic() };
  return { ok: false, error: `unknown republic player ${JSON.stringify(name)}: expected one of ${REPUBLIC_PLAYER_NAMES.join(', ')} (or republic:<name>)` };
}

/** The stance of every republic that has a player, for this turn's orders (a republic without one is left to the engine's rule of thumb). */
export function decideRepublics(scenario: Scenario, state: GameState, orders: Readonly<Record<string, readonly Order[]>>, players: Readonly<Record<string, RepublicPlayer>>): Record<string, RepublicChoice> {
  const out = idRecord<RepublicChoice>();
  for (const id of indexScenario(scenario).contestedIds) {
    const player = own(players, id);
    if (player) out[id] = player.decide(scenario, republicView(scenario, state, id), id, orders);
  }
  return out;
}
