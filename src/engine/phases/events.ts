// Phase 7, events: each event of the scenario, in file order, fires when the date is
// in its window, all its conditions hold and its chance roll (if below 100%) hits.
// A non-repeatable event fires at most once. An event fired by hand (a facilitator's
// inject) fires in its place in file order whatever its window, conditions and chance,
// without a roll, so the draws of the other events are the ones they would have been.
import type { TurnContext } from '../ledger';
import { applyEffects } from '../effects';
import { conditionHolds } from '../conditions';

export function events(ctx: TurnContext): void {
  const now = ctx.ix.startMonth + (ctx.state.turn - 1) * ctx.ix.scenario.monthsPerTurn;
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
      const { hit, drawn } = ctx.rng.roll(e.trigger.chancePct);
      ctx.report.rolls.push({ what: `Event: ${e.title}`, chancePct: e.trigger.chancePct, drawn, hit });
      if (!hit) continue;
    }
    if (!e.repeatable) ctx.state.fired = [...ctx.state.fired, e.id];
    ctx.report.events.push({ id: e.id, title: e.title, text: e.text, basis: e.basis, ...(byHand ? { injected: true as const } : {}) });
    applyEffects(ctx, e.effects, {}, { kind: 'event', event: e.id, text: e.title });
  }
}
