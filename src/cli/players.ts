// Reads one `--<power-id> <player>` option per power of the scenario.
import type { Scenario } from '../engine';
import { parsePlayer } from '../ai/player';
import { UsageError } from './errors';

export function playerOptions(scenario: Scenario): Record<string, { type: 'string' }> {
  return Object.fromEntries(scenario.powers.map((p) => [p.id, { type: 'string' as const }]));
}

export function playerNames(scenario: Scenario, values: Record<string, unknown>, fallback = 'greedy'): Record<string, string> {
  const names: Record<string, string> = {};
  for (const p of scenario.powers) {
    const v = values[p.id];
    const name = typeof v === 'string' ? v : fallback;
    const r = parsePlayer(name);
    if (!r.ok) throw new UsageError(`--${p.id}: ${r.error}`);
    names[p.id] = name;
  }
  return names;
}
