// Phase 7, events: each event of the scenario, in file order, fires when the date is
// in its window, all its conditions hold and its chance (if below 100%) was drawn a hit.
// A non-repeatable event fires at most once.
//
// The chance is not rolled here but drawn when the turn opens (drawEvents: at the start
// of the game for turn 1, in the income phase for each later turn), before any order is
// given, so every player sees this turn's draws while planning and the orders cannot
// change them; only the conditions are checked here, at the end of the turn, as before.
//
// An event fired by hand (a facilitator's inject) fires in its place in file order
// whatever its window, conditions and draw, and touches the generator not at all. Nor
// does whether an event has fired: drawEvents draws for every event in its window,
// fired or not, and only keeps the draws of those that can still fire, so an inject (or
// any event firing) never shifts the draws of the other events, this turn or later.
import type { TurnContext } from '../ledger';
import type { ScenarioIndex } from '../scenarioIndex';
import type { EventDraw, StateLike } from '../state';
import type { Rng } from '../rng';
import { applyEffects } from '../effects';
import { conditionHolds } from '../conditions';

/** Month index of the state's current turn. */
const monthOfTurn = (ix: ScenarioIndex, turn: number): number => ix.startMonth + (turn - 1) * ix.scenario.monthsPerTurn;

/**
 * The draws of the turn `state.turn`, from `rng`: one draw for every event in its window
 * that turn whose chance is below 100%, in file order, whatever its conditions (so the
 * draws say nothing about any value, and nothing the players do this turn changes them).
 * The draws of one-time events that have already fired are drawn and dropped.
 */
export function drawEvents(ix: ScenarioIndex, state: Pick<StateLike, 'turn' | 'fired'>, rng: Rng): EventDraw[] {
  const now = monthOfTurn(ix, state.turn);
  const events = ix.scenario.events;
  const out: EventDraw[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const span = ix.eventWindows[i];
    if (!e || !span || now < span.from || now > span.to || e.trigger.chancePct >= 100) continue;
    const { hit, drawn } = rng.roll(e.trigger.chancePct);
    if (!e.repeatable && state.fired.includes(e.id)) continue;
    out.push({ id: e.id, drawn, hit });
  }
  return out;
}

export function events(ctx: TurnContext): void {
  const now = monthOfTurn(ctx.ix, ctx.state.turn);
  const events = ctx.ix.scenario.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const span = ctx.ix.eventWindows[i];
    if (!e || !span) continue;
    if (!e.repeatable && ctx.state.fired.includes(e.id)) continue;
    const byHand = ctx.injected.includes(e.id);
    if (!byHand && (now < span.from || now > span.to)) continue;
    if (!byHand && !e.trigger.all.every((c) => conditionHolds(ctx.ix, ctx.state, c))) continue;
    if (!byHand && e.trigger.chancePct < 100) {
      // Every state of a turn in the window holds the draw (drawEvents); none would be a miss.
      const draw = ctx.state.eventDraws.find((d) => d.id === e.id);
      if (!draw) continue;
      ctx.report.rolls.push({ what: `Event: ${e.title} (drawn at the start of the turn)`, chancePct: e.trigger.chancePct, drawn: draw.drawn, hit: draw.hit });
      if (!draw.hit) continue;
    }
    if (!e.repeatable) ctx.state.fired = [...ctx.state.fired, e.id];
    ctx.report.events.push({ id: e.id, title: e.title, text: e.text, basis: e.basis, ...(byHand ? { injected: true as const } : {}) });
    applyEffects(ctx, e.effects, {}, { kind: 'event', event: e.id, text: e.title });
  }
}
