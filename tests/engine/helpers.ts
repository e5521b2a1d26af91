import type { GameState, Scenario, TurnReport } from '../../src/engine';
import { newGame, resolveTurn } from '../../src/engine';

export function start(s: Scenario, edit?: (st: GameState) => void, seed = 'test'): GameState {
  const r = newGame(s, seed);
  if (!r.ok) throw new Error(r.error);
  edit?.(r.value);
  return r.value;
}

export function turn(s: Scenario, st: GameState, orders: Record<string, unknown> = {}, republics?: unknown): { state: GameState; report: TurnReport } {
  const r = resolveTurn(s, st, orders, republics);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export const inf = (st: GameState, country: string, power: string): number => st.countries[country]?.influence[power] ?? NaN;
