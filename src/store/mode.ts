// Who plays which power, and whether that fits a scenario: one seat per power, each a
// person at this device or a computer player of some strength. People seated together play
// in hot seat (the device passes between them, each seat's orders hidden from the next);
// with no person seated, everyone watches the computers play.
//
// A mode arrives from the start screen, from an imported save (kept from the game before)
// and from the autosave, which is untrusted text like any file: a seat naming a power the
// scenario lacks, a power with no seat or two, or a computer player that does not exist
// would leave a game that can never move, so it is refused. Autosaves written before seats
// existed hold one of three older modes (against the computer, hot seat, watch); they are
// still read, and turned into seats once the scenario is known (`seatsFor`).
import { z } from 'zod';
import type { Scenario } from '../engine';
import { playerNameProblem } from '../ai/playerNames';

/** Who sits at a power: a person at this device, or a computer player (`greedy`, `search:2`…). */
export type SeatPlayer = 'human' | { computer: string };
export interface Seat {
  power: string;
  player: SeatPlayer;
}
/** One seat per power of the scenario, in the scenario's order of powers. */
export interface Mode {
  kind: 'seats';
  seats: Seat[];
}

/** The three modes autosaves held before seats: read, then converted by `seatsFor`. */
export type LegacyMode = { kind: 'vs-computer'; human: string; computer: string } | { kind: 'hot-seat' } | { kind: 'watch'; computer: string };
/** A mode as stored: seats, or one of the older modes. */
export type StoredMode = Mode | LegacyMode;

/** Names longer than any power id or player name are not read further. */
const Name = z.string().max(100);
/** More seats than any scenario has powers are not read further (the schema allows six). */
const MAX_SEATS = 16;

const SeatSchema = z.strictObject({
  power: Name,
  player: z.union([z.literal('human'), z.strictObject({ computer: Name })]),
});

export const ModeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('seats'), seats: z.array(SeatSchema).max(MAX_SEATS) }),
  z.strictObject({ kind: z.literal('vs-computer'), human: Name, computer: Name }),
  z.strictObject({ kind: z.literal('hot-seat') }),
  z.strictObject({ kind: z.literal('watch'), computer: Name }),
]);

/** The strengths the start screen offers, weakest first: a computer player's name and its words. */
export const STRENGTHS: readonly (readonly [string, string])[] = [
  ['greedy', 'Easy (rule of thumb)'],
  ['search:1', 'Normal (search 1)'],
  ['search:2', 'Hard (search 2)'],
  ['search:3', 'Hardest (search 3)'],
];

/** Seats from per-power choices in the scenario's order: `choose` gives a power's player. */
export function seatMode(scenario: { powers: readonly { id: string }[] }, choose: (power: string, index: number) => SeatPlayer): Mode {
  return { kind: 'seats', seats: scenario.powers.map((p, i) => ({ power: p.id, player: choose(p.id, i) })) };
}

/** One person against the computer (`computer` for every other power). */
export const againstComputer = (scenario: Scenario, human: string, computer: string): Mode => seatMode(scenario, (p) => (p === human ? 'human' : { computer }));

/**
 * The seats a stored mode means for `scenario`: seats as they are (put in the scenario's
 * order of powers), an older mode converted — against the computer: the person at their
 * power and the computer at every other; hot seat: a person at every power; watch: the
 * computer at every power.
 */
export function seatsFor(scenario: Scenario, mode: StoredMode): Mode {
  switch (mode.kind) {
    case 'seats': {
      const order = new Map(scenario.powers.map((p, i) => [p.id, i]));
      const rank = (s: Seat): number => order.get(s.power) ?? scenario.powers.length;
      return { kind: 'seats', seats: [...mode.seats].sort((a, b) => rank(a) - rank(b)) };
    }
    case 'vs-computer': {
      // A power the scenario lacks stays named, so `modeProblem` says which.
      const seats: Seat[] = scenario.powers.map((p) => ({ power: p.id, player: p.id === mode.human ? 'human' : { computer: mode.computer } }));
      if (!scenario.powers.some((p) => p.id === mode.human)) seats.push({ power: mode.human, player: 'human' });
      return { kind: 'seats', seats };
    }
    case 'hot-seat':
      return seatMode(scenario, () => 'human');
    case 'watch':
      return seatMode(scenario, () => ({ computer: mode.computer }));
  }
}

/** The powers people play in this mode, in turn order (the scenario's order of powers). */
export function humans(scenario: Scenario, mode: Mode): string[] {
  const seated = new Set(mode.seats.filter((s) => s.player === 'human').map((s) => s.power));
  return scenario.powers.filter((p) => seated.has(p.id)).map((p) => p.id);
}

/** The computer player at `power`, or null (a person sits there, or nobody). */
export function computerAt(mode: Mode, power: string): string | null {
  const seat = mode.seats.find((s) => s.power === power);
  return seat && seat.player !== 'human' ? seat.player.computer : null;
}

/** Why `mode` cannot play `scenario`, or null when it can. */
export function modeProblem(scenario: Scenario, mode: Mode): string | null {
  // Who sits where first (a power the scenario lacks, one seated twice or not at all), then who plays.
  const powers = new Set(scenario.powers.map((p) => p.id));
  const stranger = mode.seats.find((seat) => !powers.has(seat.power));
  if (stranger) return `there is no power "${stranger.power}" in this scenario`;
  const seated = new Set<string>();
  for (const seat of mode.seats) {
    if (seated.has(seat.power)) return `the power "${seat.power}" has two seats`;
    seated.add(seat.power);
  }
  const empty = scenario.powers.find((p) => !seated.has(p.id));
  if (empty) return `nobody sits at the power "${empty.id}"`;
  for (const seat of mode.seats) {
    if (seat.player === 'human') continue;
    const problem = playerNameProblem(seat.player.computer);
    if (problem !== null) return `the computer player cannot play: ${problem}`;
  }
  return null;
}

/** The mode a loaded game is played in: the one before it if it fits, else the first power's person against the computer. */
export function modeFor(scenario: Scenario, wanted: StoredMode | undefined): Mode {
  if (wanted) {
    const seats = seatsFor(scenario, wanted);
    if (modeProblem(scenario, seats) === null) return seats;
  }
  return againstComputer(scenario, scenario.powers[0]?.id ?? '', 'greedy');
}
