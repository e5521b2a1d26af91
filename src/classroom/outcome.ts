// How a classroom game ended, in the one set of words every screen shows (issue 12's teacher
// playtest): the room's result (so the class's debrief), the console, the projector, the
// teams' screens and the shared screen. "Wins" is kept for a game played to its end by the
// rules; a game the facilitator stopped early was won by nobody, so it says when it stopped
// and who led on points then ("The facilitator ended the game after turn 2 of 8: Moscow led
// on points, 7 to 4.").
import type { Scenario, StateLike } from '../engine';
import { listWords, own } from '../engine';
import type { RoomPublic } from './protocol';

export interface Outcome {
  /** The heading: "Moscow wins", "A draw", or "The facilitator ended the game after turn 2 of 8". */
  headline: string;
  /** The sentence under the heading, with its full stop. */
  detail: string;
  /** Heading and sentence in one line, for a status line or a record. */
  line: string;
}

/**
 * A game the facilitator stopped after `played` of `lastTurn` turns, with each power's points
 * then (`points`, by power id; a missing power has 0).
 */
export function endedEarly(scenario: Pick<Scenario, 'powers'>, points: (power: string) => number, played: number, lastTurn: number): Outcome {
  const ranked = scenario.powers.map((p) => ({ name: p.name, points: points(p.id) })).sort((a, b) => b.points - a.points);
  const top = ranked[0]?.points ?? 0;
  const first = ranked.filter((p) => p.points === top);
  const rest = ranked.filter((p) => p.points !== top);
  const headline = played > 0 ? `The facilitator ended the game after turn ${played} of ${lastTurn}` : `The facilitator ended the game before turn 1 of ${lastTurn} was played`;
  let detail: string;
  if (rest.length === 0 && top === 0) detail = 'Nobody had scored.';
  else if (first.length > 1) {
    const behind = rest.length > 0 ? `, ahead of ${listWords(rest.map((p) => `${p.name}'s ${p.points}`))}` : '';
    detail = `${listWords(first.map((p) => p.name))} were level on points, ${top} each${behind}.`;
  } else if (rest.length === 1) detail = `${first[0]?.name ?? ''} led on points, ${top} to ${rest[0]?.points ?? 0}.`;
  else detail = `${first[0]?.name ?? ''} led on points, ${top} to ${listWords(rest.map((p) => `${p.name}'s ${p.points}`))}.`;
  // After a colon a sentence goes on in lower case; a power's name keeps its capital.
  return { headline, detail, line: `${headline}: ${detail === 'Nobody had scored.' ? 'nobody had scored.' : detail}` };
}

/** A game played to its end: the engine's winner (null: a draw) and its reason ("Moscow wins with 12 points to 9"). */
export function playedToEnd(scenario: Pick<Scenario, 'powers'>, winner: string | null, reason: string): Outcome {
  const headline = winner ? `${scenario.powers.find((p) => p.id === winner)?.name ?? winner} wins` : 'A draw';
  const said = reason.replace(/\.$/, '');
  const detail = `${said.charAt(0).toUpperCase()}${said.slice(1)}.`;
  return { headline, detail, line: `Game over: ${said}.` };
}

/**
 * How the room's game ended, or null while it goes on. Played to its end when the board says
 * so (the engine's phase is over, sudden death included); otherwise the facilitator ended it
 * (with no board yet, before the start), and the words are made from the board every device
 * holds rather than parsed out of the server's sentence: they come out the same as the room's.
 */
export function roomOutcome(scenario: Pick<Scenario, 'powers' | 'turns'>, room: Pick<RoomPublic, 'phase' | 'turn' | 'result'>, board: StateLike | null | undefined): Outcome | null {
  if (room.phase !== 'ended') return null;
  if (board?.phase.kind === 'over') return playedToEnd(scenario, board.phase.winner, board.phase.reason);
  return endedEarly(scenario, (p) => (board ? own(board.powers, p)?.points ?? 0 : 0), Math.max(0, room.turn - 1), board?.lastTurn ?? scenario.turns);
}
