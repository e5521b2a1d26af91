import type { GameState } from '../state';
import type { ScenarioIndex } from '../scenarioIndex';

/** One reason an order lands harder or softer: a label a player reads and percent points. */
export interface Factor {
  label: string;
  pct: number;
}

export interface FactorInput {
  ix: ScenarioIndex;
  state: GameState;
  power: string;
  country: string;
}
