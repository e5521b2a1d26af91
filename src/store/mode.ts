// Who plays which power, and whether that fits a scenario. A mode arrives from the start
// screen, from an imported save (kept from the game before) and from the autosave, which
// is untrusted text like any file: a mode naming a power the scenario lacks, or a computer
// player that does not exist, would leave a game that can never move, so it is refused.
import { z } from 'zod';
import type { Scenario } from '../engine';
import { parsePlayer } from '../ai/player';

export type Mode =
  | { kind: 'vs-computer'; human: string; computer: string }
  | { kind: 'hot-seat' }
  | { kind: 'watch'; computer: string };

/** Names longer than any power id or player name are not read further. */
const Name = z.string().max(100);

export const ModeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('vs-computer'), human: Name, computer: Name }),
  z.strictObject({ kind: z.literal('hot-seat') }),
  z.strictObject({ kind: z.literal('watch'), computer: Name }),
]);

/** The powers people play in this mode, in turn order. */
export function humans(scenario: Scenario, mode: Mode): string[] {
  if (mode.kind === 'vs-computer') return [mode.human];
  if (mode.kind === 'hot-seat') return scenario.powers.map((p) => p.id);
  return [];
}

/** Why `mode` cannot play `scenario`, or null when it can. */
export function modeProblem(scenario: Scenario, mode: Mode): string | null {
  if (mode.kind === 'vs-computer' && !scenario.powers.some((p) => p.id === mode.human)) return `there is no power "${mode.human}" in this scenario`;
  if (mode.kind === 'hot-seat' && scenario.powers.length < 2) return 'two players on one device need a scenario with at least two powers';
  if (mode.kind !== 'hot-seat') {
    const player = parsePlayer(mode.computer);
    if (!player.ok) return `the computer player cannot play: ${player.error}`;
  }
  return null;
}

/** The mode a loaded game is played in: the one before it if it fits, else against the computer as the first power. */
export function modeFor(scenario: Scenario, wanted: Mode | undefined): Mode {
  if (wanted && modeProblem(scenario, wanted) === null) return wanted;
  return { kind: 'vs-computer', human: scenario.powers[0]?.id ?? '', computer: 'greedy' };
}
