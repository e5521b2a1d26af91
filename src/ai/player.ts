// What a computer player is, and how the command line names one.
import type { Order, PowerView, Scenario } from '../engine';
import type { Result } from '../engine';
import { randomPlayer } from './random';
import { greedyPlayer, variedPlayer } from './greedy';
import { searchPlayer } from './search';
import { parseScript } from './scripts';
import { PLAYER_NAMES } from './playerNames';

export { PLAYER_NAMES } from './playerNames';

export interface Player {
  /** As named on the command line: random, greedy, search:2. */
  name: string;
  /** Orders for `view.viewer` this turn. Deterministic for the same view. */
  decide(scenario: Scenario, view: PowerView): Order[];
  /**
   * Orders this turn that must include `forced` (when legal and affordable), the rest
   * chosen as this player would with what is left. Players that plan order by order
   * have it; the design report forces a project on turn 1 with it.
   */
  decideWith?(scenario: Scenario, view: PowerView, forced: readonly Order[]): Order[];
  /**
   * The same orders as `decide`, computed in steps: the caller may pause between them (the
   * page's worker does, so a long search leaves the processor to the page now and then).
   * Players quick enough to decide at once have none.
   */
  decideInSteps?(scenario: Scenario, view: PowerView): Generator<void, Order[], void>;
}

export function parsePlayer(name: string): Result<Player, string> {
  if (name === 'random') return { ok: true, value: randomPlayer() };
  if (name === 'greedy') return { ok: true, value: greedyPlayer() };
  if (name === 'varied') return { ok: true, value: variedPlayer() };
  const m = /^search(?::([1-3]))?$/.exec(name);
  if (m) return { ok: true, value: searchPlayer(Number(m[1] ?? '2') as 1 | 2 | 3) };
  // Fixed order scripts (scripts.ts) are for the design report, so the list of players offered stays as it is.
  const script = parseScript(name);
  if (script) return script;
  return { ok: false, error: `unknown player "${name}": expected one of ${PLAYER_NAMES.join(', ')}` };
}
