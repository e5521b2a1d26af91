// Phase 8, scoring: a power that controls a contested country (leads it by the
// country's control margin) scores its importance; a power that leads it short of
// control scores the scenario's lead points. A summit's turn counts several times over,
// so a late summit can turn the game; an organisation's summit (the SCO's) multiplies
// only its members' scoring, since a country outside it has no seat at that table.
// Phase 9, victory: sudden death (lead enough countries from a given turn), or the
// last turn: most points wins; equal points go to whoever leads more countries; else a draw.
import type { TurnContext } from '../ledger';
import type { Scenario, Summit } from '../schema';
import { changePoints } from '../ledger';
import { controller, controlMargin, standing } from '../leadership';
import { countryName, powerName } from '../scenarioIndex';
import { counted, pointsText } from '../words';

function ledCountries(ctx: TurnContext): Map<string, number> {
  const led = new Map(ctx.ix.powerIds.map((p) => [p, 0]));
  for (const id of ctx.ix.contestedIds) {
    const leader = controller(ctx.ix.scenario, ctx.state, id);
    if (leader !== null) led.set(leader, (led.get(leader) ?? 0) + 1);
  }
  return led;
}

/** The summit held on `turn`, if any. */
export const summitOn = (scenario: Scenario, turn: number): Summit | undefined => scenario.victory.summits.find((m) => m.turn === turn);

/** Whether `summit` multiplies the scoring of country `id`: every country, or only members of the organisation holding it. */
export function summitCounts(scenario: Scenario, summit: Summit, id: string): boolean {
  if (summit.organisation === undefined) return true;
  const def = scenario.countries.find((c) => c.id === id);
  return def?.role === 'contested' && def.memberships.includes(summit.organisation);
}

/** The name of the organisation holding `summit`, to follow "the" ("Shanghai Cooperation Organisation"; "The Pact" becomes "Pact"). */
export const organisationName = (scenario: Scenario, summit: Summit): string => (scenario.organisations.find((o) => o.id === summit.organisation)?.name ?? String(summit.organisation)).replace(/^the /i, '');

/** How many times over country `id`'s scoring counts at the end of `turn` (1 on an ordinary turn). */
export function scoringWeight(scenario: Scenario, turn: number, id: string): number {
  const summit = summitOn(scenario, turn);
  return summit && summitCounts(scenario, summit, id) ? summit.weight : 1;
}

export function scoring(ctx: TurnContext): void {
  const { scenario } = ctx.ix;
  const summit = summitOn(scenario, ctx.state.turn);
  for (const id of ctx.ix.contestedIds) {
    const def = ctx.ix.contested.get(id);
    const c = ctx.state.countries[id];
    if (!def || !c) continue;
    const counts = summit !== undefined && summitCounts(scenario, summit, id);
    const weight = counts ? summit.weight : 1;
    const at = counts ? ` at the ${summit.name} (×${weight})` : summit ? ` (not in the ${organisationName(scenario, summit)}: the ${summit.name} counts ×1 here)` : '';
    const name = countryName(ctx.ix, id);
    const leader = controller(scenario, ctx.state, id);
    if (leader !== null) {
      changePoints(ctx, leader, def.importance * weight, { kind: 'rule', rule: 'scoring', text: `${powerName(ctx.ix, leader)} controls ${name} (leads by ${controlMargin(scenario, id)} or more)${at}` }, id);
      continue;
    }
    const s = standing(ctx.ix.powerIds, c);
    if (s.leader !== null && scenario.victory.leadPoints > 0) {
      changePoints(ctx, s.leader, scenario.victory.leadPoints * weight, { kind: 'rule', rule: 'scoring', text: `${powerName(ctx.ix, s.leader)} leads ${name} by ${s.lead}, short of control (${controlMargin(scenario, id)})${at}` }, id);
    }
  }
}

export function victory(ctx: TurnContext): void {
  const led = ledCountries(ctx);
  const sd = ctx.ix.scenario.victory.suddenDeath;
  if (sd && ctx.state.turn >= sd.fromTurn) {
    const winners = ctx.ix.powerIds.filter((p) => (led.get(p) ?? 0) >= sd.countries);
    if (winners.length === 1) {
      const w = winners[0] as string;
      end(ctx, w, `${powerName(ctx.ix, w)} leads ${counted(led.get(w) ?? 0, 'country', 'countries')}: sudden-death victory`);
      return;
    }
  }
  if (ctx.state.turn < ctx.state.lastTurn) return;
  const points = (p: string): number => ctx.state.powers[p]?.points ?? 0;
  const ranked = [...ctx.ix.powerIds].sort((a, b) => points(b) - points(a) || (led.get(b) ?? 0) - (led.get(a) ?? 0));
  const [first, second] = ranked as [string, string];
  if (points(first) === points(second) && led.get(first) === led.get(second)) {
    end(ctx, null, `a draw: ${pointsText(points(first))} each`);
  } else if (points(first) === points(second)) {
    end(ctx, first, `${powerName(ctx.ix, first)} wins on countries led (${led.get(first) ?? 0} to ${led.get(second) ?? 0}) with equal points`);
  } else {
    end(ctx, first, `${powerName(ctx.ix, first)} wins with ${pointsText(points(first))} to ${points(second)}`);
  }
}

/**
 * The reason as the rules of SAVE_VERSION 2 first wrote it, which is what the state's hash
 * reads (game.ts, `stateHash`). Until 4 Dec 2026 a count of one took the plural ("wins with 1
 * points to 0", "a draw: 1 points each", "leads 1 countries"); the words are mended above, but
 * every save and classroom record checks its game by the hashes it recorded, so the hash reads
 * the reason in those words. Decided against a new rules version: it would make every stored
 * room unresumable and every save unreadable for a change of words alone, and the words are
 * not the game (the winner, the points and the countries led, hashed too, are). Only the three
 * sentences above are mapped, whole, and only a count of one changed.
 */
export function reasonAsHashed(reason: string): string {
  return reason
    .replace(/^(.+ wins with -?1) point( to -?\d+)$/, '$1 points$2')
    .replace(/^(a draw: -?1) point( each)$/, '$1 points$2')
    .replace(/^(.+ leads 1) country(: sudden-death victory)$/, '$1 countries$2');
}

function end(ctx: TurnContext, winner: string | null, reason: string): void {
  ctx.state.phase = { kind: 'over', winner, reason };
  ctx.report.result = { winner, reason };
}
