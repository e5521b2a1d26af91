import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GameState, Scenario, TurnReport } from '../../src/engine';
import { loadScenarioText, newGame, resolveTurn } from '../../src/engine';

const scenarioDir = join(__dirname, '../../scenarios');
/** The ids of every shipped scenario. */
export const SHIPPED = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .map((f) => f.replace(/\.json$/, ''));

/** A shipped scenario by id, loaded as the game loads it. */
export function loadShipped(id: string): Scenario {
  const r = loadScenarioText(readFileSync(join(scenarioDir, `${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(`${id} invalid`);
  return r.value;
}

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
