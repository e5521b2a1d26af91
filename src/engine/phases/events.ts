// Phase 7, events: each event of the scenario, in file order, fires when the date is
// in its window, all its conditions hold and its chance roll (if below 100%) hits.
// A non-repeatable event fires at most once.
import type { TurnContext } from '../ledger';
import { applyEffects } from '../effects';
import { conditionHolds } from '../conditions';
import { monthIndex } from '../dates';

export function events(ctx: TurnContext): void {
  const now = monthIndex(ctx.report.date);
  for (const e of ctx.ix.scenario.events) {
    if (!e.repeatable && ctx.state.fired.includes(e.id)) continue;
    if (e.trigger.from !== undefined && now < monthIndex(e.trigger.from)) continue;
    if (e.trigger.to !== undefined && now > monthIndex(e.trigger.to)) continue;
    if (!e.trigger.all.every((c) => conditionHolds(ctx.ix, ctx.state, c))) continue;
    if (e.trigger.chancePct < 100) {
      const { hit, drawn } = ctx.rng.roll(e.trigger.chancePct);
      ctx.report.rolls.push({ what: `Event: ${e.title}`, chancePct: e.trigger.chancePct, drawn, hit });
      if (!hit) continue;
    }
    if (!e.repeatable) ctx.state.fired = [...ctx.state.fired, e.id];
    ctx.report.events.push({ id: e.id, title: e.title, text: e.text, source: e.source, whatHappened: e.whatHappened });
    applyEffects(ctx, e.effects, {}, { kind: 'event', event: e.id, text: e.title });
  }
}
