// Phase 10, income (when the game goes on): unspent budget carries over whole (money is
// spent by choice, never lost: a saved-up budget wins sealed-bid tenders), each power gains its income plus what its tracks add or drain
// (never below zero), and the turn advances; the new turn's events are drawn at once
// (events.ts drawEvents), so its players see them before they give orders.
import type { TurnContext } from '../ledger';
import { changeBudget } from '../ledger';
import { powerName } from '../scenarioIndex';
import { drawEvents } from './events';

export function income(ctx: TurnContext): void {
  if (ctx.state.phase.kind === 'over') return;
  for (const def of ctx.ix.scenario.powers) {
    const p = ctx.state.powers[def.id];
    if (!p) continue;
    const parts = def.tracks.map((t) => ({ name: t.name, amount: (p.tracks[t.id] ?? t.initial) * t.incomePerPoint })).filter((x) => x.amount !== 0);
    const gained = Math.max(0, p.income + parts.reduce((s, x) => s + x.amount, 0));
    const detail = parts.map((x) => `${x.amount > 0 ? '+' : ''}${x.amount} ${x.name}`).join(', ');
    changeBudget(ctx, def.id, gained, { kind: 'rule', rule: 'income', text: `${powerName(ctx.ix, def.id)}'s income ${p.income}${detail ? ` (${detail})` : ''}` });
  }
  ctx.state.turn += 1;
  ctx.state.eventDraws = drawEvents(ctx.ix, ctx.state, ctx.rng);
}
