// Balance runs: many computer games from one seed, summarised as win rates, score
// spread, who ends up leading each country, and how often each order kind is used
// and won with. Pure (no I/O): the command line runs it in worker threads, the
// browser will run it in a Web Worker; both give the same numbers for the same seed.
// Summaries come back from workers as structured clones (with prototypes again), so
// every record keyed by an id is read with `own` and made with `idRecord`.
import type { Order, Scenario } from '../engine';
import { controller, idRecord, own } from '../engine';
import type { Player } from './player';
import { parsePlayer } from './player';
import type { GameResult } from './match';
import { playQuick } from './match';
import type { RepublicPlayer } from './republic';
import { parseRepublicPlayer } from './republic';
import { NO_LEADER } from './reportMetrics';

export { NO_LEADER } from './reportMetrics';

export interface GameSummary {
  index: number;
  winner: string | null;
  scores: Record<string, number>;
  /** Final leader (by the victory margin) of each contested country, or null. */
  leaders: Record<string, string | null>;
  /** Orders given, by power and then by order kind (action id or "project"). */
  orders: Record<string, Record<string, number>>;
  /** First-turn orders of each power, as a sorted key. */
  openings: Record<string, string>;
}


export const gameSeed = (seed: string, index: number): string => `${seed}-${index}`;

/** `republicNames`: contested country id → republic player name (republic.ts); a country left out takes the engine's rule of thumb. */
export function playBalanceGame(scenario: Scenario, seed: string, index: number, playerNames: Record<string, string>, republicNames: Readonly<Record<string, string>> = {}): GameSummary {
  const players = idRecord<Player>();
  for (const p of scenario.powers) {
    const r = parsePlayer(own(playerNames, p.id) ?? 'greedy');
    if (!r.ok) throw new Error(r.error);
    players[p.id] = r.value;
  }
  const republics = idRecord<RepublicPlayer>();
  for (const c of scenario.countries) {
    const name = own(republicNames, c.id);
    if (c.role !== 'contested' || name === undefined) continue;
    const r = parseRepublicPlayer(name);
    if (!r.ok) throw new Error(r.error);
    republics[c.id] = r.value;
  }
  return balanceSummary(scenario, index, playQuick(scenario, gameSeed(seed, index), players, {}, republics));
}

/** The summary of a game already played (the browser's check plays each game once for this and the design report's measures). */
export function balanceSummary(scenario: Scenario, index: number, m: Pick<GameResult, 'state' | 'winner' | 'scores'> & { orders: readonly Readonly<Record<string, readonly Order[]>>[] }): GameSummary {
  const leaders = idRecord<string | null>();
  for (const c of scenario.countries) {
    const st = own(m.state.countries, c.id);
    if (c.role === 'contested' && st) leaders[c.id] = controller(scenario, m.state, c.id);
  }
  const orders = idRecord<Record<string, number>>();
  const openings = idRecord<string>();
  m.orders.forEach((turnOrders, i) => {
    for (const [power, list] of Object.entries(turnOrders)) {
      let row = own(orders, power);
      if (!row) orders[power] = row = idRecord<number>();
      for (const o of list) {
        const kind = o.type === 'project' ? `project:${o.project}` : o.action;
        row[kind] = (own(row, kind) ?? 0) + 1;
      }
      if (i === 0) openings[power] = list.map((o) => (o.type === 'project' ? `project:${o.project}` : `${o.action}@${o.country}`)).sort().join(' + ') || '(pass)';
    }
  });
  return { index, winner: m.winner, scores: m.scores, leaders, orders, openings };
}

export interface BalanceReport {
  scenario: string;
  seed: string;
  games: number;
  players: Record<string, string>;
  /** Contested country id → republic player, when any was named (the others took the engine's rule of thumb). */
  republics?: Record<string, string>;
  wins: Record<string, number>;
  draws: number;
  winRate: Record<string, number>;
  scores: Record<string, { mean: number; min: number; max: number; stdev: number }>;
  /** Country → power (or NO_LEADER) → share of games it ends up leading. */
  countries: Record<string, Record<string, number>>;
  /** Power → order kind → { share of that power's orders, win rate of games where it was used }. */
  orderKinds: Record<string, Record<string, { share: number; usedIn: number; winRate: number }>>;
  /** Power → most common openings with their count and win rate. */
  openings: Record<string, { opening: string; games: number; winRate: number }[]>;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
/** Code-unit order: the same everywhere (localeCompare would depend on the locale). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function summarize(scenario: Scenario, seed: string, playerNames: Record<string, string>, games: readonly GameSummary[], republicNames: Readonly<Record<string, string>> = {}): BalanceReport {
  const powers = scenario.powers.map((p) => p.id);
  const n = games.length;
  const wins = idRecord(powers.map((p) => [p, games.filter((g) => g.winner === p).length]));
  const scores: BalanceReport['scores'] = idRecord();
  for (const p of powers) {
    const xs = games.map((g) => own(g.scores, p) ?? 0);
    const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, n);
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n);
    scores[p] = { mean: round(mean), min: Math.min(...xs), max: Math.max(...xs), stdev: round(Math.sqrt(variance)) };
  }
  const countries: BalanceReport['countries'] = idRecord();
  for (const c of scenario.countries) {
    if (c.role !== 'contested') continue;
    const row = idRecord<number>();
    for (const who of [...powers, NO_LEADER]) row[who] = round(games.filter((g) => (own(g.leaders, c.id) ?? NO_LEADER) === who).length / Math.max(1, n));
    countries[c.id] = row;
  }
  const orderKinds: BalanceReport['orderKinds'] = idRecord();
  const openings: BalanceReport['openings'] = idRecord();
  const used = (g: GameSummary, p: string, k: string): number => own(own(g.orders, p), k) ?? 0;
  for (const p of powers) {
    const total = games.reduce((sum, g) => sum + Object.values(own(g.orders, p) ?? {}).reduce((a, b) => a + b, 0), 0);
    const kinds = new Set(games.flatMap((g) => Object.keys(own(g.orders, p) ?? {})));
    const row = idRecord<{ share: number; usedIn: number; winRate: number }>();
    for (const k of [...kinds].sort(byCodeUnits)) {
      const usedIn = games.filter((g) => used(g, p, k) > 0);
      const count = games.reduce((sum, g) => sum + used(g, p, k), 0);
      row[k] = { share: round(count / Math.max(1, total)), usedIn: usedIn.length, winRate: round(usedIn.filter((g) => g.winner === p).length / Math.max(1, usedIn.length)) };
    }
    orderKinds[p] = row;
    const byOpening = new Map<string, GameSummary[]>();
    for (const g of games) {
      const key = own(g.openings, p) ?? '(pass)';
      byOpening.set(key, [...(byOpening.get(key) ?? []), g]);
    }
    openings[p] = [...byOpening.entries()]
      .map(([opening, gs]) => ({ opening, games: gs.length, winRate: round(gs.filter((g) => g.winner === p).length / gs.length) }))
      .sort((a, b) => b.games - a.games || byCodeUnits(a.opening, b.opening))
      .slice(0, 5);
  }
  return {
    scenario: scenario.id,
    seed,
    games: n,
    players: playerNames,
    ...(Object.keys(republicNames).length > 0 ? { republics: { ...republicNames } } : {}),
    wins,
    draws: games.filter((g) => g.winner === null).length,
    winRate: idRecord(powers.map((p) => [p, round((own(wins, p) ?? 0) / Math.max(1, n))])),
    scores,
    countries,
    orderKinds,
    openings,
  };
}
