// Applying a scenario's effect list. Placeholders are bound here: "$target" (the
// country an order names), "$route" (the contested countries a project touches),
// "$self" (the acting power) and "$others" (every other power).
import type { Effect } from './schema';
import type { Cause, TurnContext } from './ledger';
import { changeBudget, changeDependence, changeIncome, changeInfluence, changePoints, changeStability, changeTrack, setFlag } from './ledger';
import type { ScenarioIndex } from './scenarioIndex';

export interface Binding {
  self?: string;
  target?: string;
  route?: readonly string[];
}

export function countriesOf(ref: string, b: Binding): readonly string[] {
  if (ref === '$target') return b.target === undefined ? [] : [b.target];
  if (ref === '$route') return b.route ?? [];
  return [ref];
}

export function powersOf(ix: ScenarioIndex, ref: string, b: Binding): readonly string[] {
  if (ref === '$self') return b.self === undefined ? [] : [b.self];
  if (ref === '$others') return ix.powerIds.filter((p) => p !== b.self);
  return [ref];
}

export function applyEffect(ctx: TurnContext, e: Effect, b: Binding, cause: Cause): void {
  switch (e.type) {
    case 'influence':
      for (const c of countriesOf(e.country, b)) for (const p of powersOf(ctx.ix, e.power, b)) changeInfluence(ctx, c, p, e.delta, cause);
      return;
    case 'stability':
      for (const c of countriesOf(e.country, b)) changeStability(ctx, c, e.delta, cause);
      return;
    case 'dependence':
      for (const c of countriesOf(e.country, b)) for (const p of powersOf(ctx.ix, e.power, b)) changeDependence(ctx, e.axis, c, p, e.delta, cause);
      return;
    case 'budget':
      for (const p of powersOf(ctx.ix, e.power, b)) changeBudget(ctx, p, e.delta, cause);
      return;
    case 'income':
      for (const p of powersOf(ctx.ix, e.power, b)) changeIncome(ctx, p, e.delta, cause);
      return;
    case 'track':
      for (const p of powersOf(ctx.ix, e.power, b)) changeTrack(ctx, p, e.track, e.delta, cause);
      return;
    case 'flag':
      setFlag(ctx, e.flag, e.value, cause);
      return;
    case 'points':
      for (const p of powersOf(ctx.ix, e.power, b)) changePoints(ctx, p, e.delta, cause);
      return;
    default: {
      const never: never = e;
      throw new Error(`unhandled effect ${JSON.stringify(never)}`);
    }
  }
}

export function applyEffects(ctx: TurnContext, effects: readonly Effect[], b: Binding, cause: Cause): void {
  for (const e of effects) applyEffect(ctx, e, b, cause);
}
