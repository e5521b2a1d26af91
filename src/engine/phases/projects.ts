// Phase 4, projects: building projects advance a turn unless unrest halts work in a
// country on the route; a finished project applies its completion effects. Then
// every built project yields its per-turn effects to its owner.
import type { TurnContext } from '../ledger';
import { setProject } from '../ledger';
import { applyEffects } from '../effects';
import { countryName } from '../scenarioIndex';

export function projects(ctx: TurnContext): void {
  const unrestBelow = ctx.ix.scenario.rules.unrestBelow;
  for (const def of ctx.ix.scenario.projects) {
    const st = ctx.state.projects[def.id];
    if (st?.status !== 'building') continue;
    const route = ctx.ix.routeCountries.get(def.id) ?? [];
    const halted = route.find((c) => (ctx.state.countries[c]?.stability ?? 100) < unrestBelow);
    if (halted !== undefined) {
      ctx.report.notes.push(`Work on ${def.name} halted by unrest in ${countryName(ctx.ix, halted)}`);
      continue;
    }
    const progress = st.progress + 1;
    if (progress < def.buildTurns) {
      setProject(ctx, def.id, { status: 'building', owner: st.owner, progress }, { kind: 'project', project: def.id, text: `Work on ${def.name} continues` });
      continue;
    }
    const cause = { kind: 'project' as const, project: def.id, text: `${def.name} completed` };
    setProject(ctx, def.id, { status: 'built', owner: st.owner }, cause);
    applyEffects(ctx, def.onComplete, { self: st.owner, route }, cause);
  }
}

export function assets(ctx: TurnContext): void {
  for (const def of ctx.ix.scenario.projects) {
    const st = ctx.state.projects[def.id];
    if (st?.status !== 'built' || def.perTurn.length === 0) continue;
    applyEffects(ctx, def.perTurn, { self: st.owner, route: ctx.ix.routeCountries.get(def.id) ?? [] }, { kind: 'project', project: def.id, text: `${def.name} in operation` });
  }
}
