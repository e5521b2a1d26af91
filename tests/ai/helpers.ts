// Shared set-up of the computer-player tests: a shipped scenario by id, a player by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../src/engine';
import { loadScenarioText } from '../../src/engine';
import type { Player } from '../../src/ai/player';
import { parsePlayer } from '../../src/ai/player';

export const load = (id: string): Scenario => {
  const r = loadScenarioText(readFileSync(join(__dirname, '../../scenarios', `${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(`${id} invalid`);
  return r.value;
};

export const player = (name: string): Player => {
  const r = parsePlayer(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
