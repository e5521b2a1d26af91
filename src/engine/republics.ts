// The republics decide. Each turn every contested republic takes one stance, seeing the
// orders aimed at it (it answers offers; it does not guess them): hedge between its
// patrons, lean to one of them, or crack down. A republic player chooses it — the
// engine's rule of thumb below by default, a computer player, or (in class) students;
// the choice goes into resolveTurn and into the save, so the same state, seed, orders
// and choices give the same game.
import type { Order } from './order';
import type { StateLike } from './state';
import type { ScenarioIndex } from './scenarioIndex';
import { countryName, indexScenario, powerName } from './scenarioIndex';
import type { Scenario } from './schema';
import { controlMargin, standing } from './leadership';
import { idRecord, own } from './records';
import type { Result } from './result';
import { err, ok } from './result';

export type RepublicChoice =
  /** Play the patrons off each other: the leader's orders land softer, the runner-up's harder. */
  | { kind: 'hedge' }
  /** Accept one patron's offer: its orders land harder and it gains a little; the others' land softer. */
  | { kind: 'lean'; power: string }
  /** Put order first: stability rises; security deals land harder, investment softer. */
  | { kind: 'crackdown' };

/** How much harder (or softer) orders land under a stance, in percent points. */
export const STANCE_PCT = 25;
/** Influence the favoured patron gains when a republic leans to it. */
export const LEAN_GAIN = 2;
/** Stability a crackdown adds. */
export const CRACKDOWN_STABILITY = 4;
/** Below this stability the rule of thumb cracks down. */
export const CRACKDOWN_BELOW = 35;

/** Every stance a republic may take, in a stable order. */
export function republicChoices(scenario: Scenario): RepublicChoice[] {
  return [{ kind: 'hedge' }, ...scenario.powers.map((p) => ({ kind: 'lean' as const, power: p.id })), { kind: 'crackdown' }];
}

export function describeChoice(ix: ScenarioIndex, country: string, c: RepublicChoice): string {
  const name = countryName(ix, country);
  switch (c.kind) {
    case 'hedge':
      return `${name} plays its patrons off each other`;
    case 'lean':
      return `${name} leans to ${powerName(ix, c.power)}`;
    case 'crackdown':
      return `${name} cracks down and puts order first`;
    default: {
      const never: never = c;
      return String(never);
    }
  }
}

/** What each power offers a republic this turn: the base influence of its orders there, and 3 for each project through it. */
export function offers(ix: ScenarioIndex, country: string, orders: Record<string, readonly Order[]>): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of ix.powerIds) {
    let sum = 0;
    for (const o of own(orders, p) ?? []) {
      if (o.type === 'project') sum += (ix.routeCountries.get(o.project) ?? []).includes(country) ? 3 : 0;
      else if (o.country === country) sum += ix.action.get(o.action)?.influence ?? 0;
    }
    out.set(p, sum);
  }
  return out;
}

/** Why the rule of thumb took its stance, as data: the turn report and the preview word it differently. */
export type StanceReason =
  | { kind: 'not-contested' }
  | { kind: 'unstable'; stability: number }
  | { kind: 'controlled'; power: string }
  | { kind: 'best-offer'; power: string; offer: number; next: number }
  | { kind: 'no-clear-offer' };

/**
 * A stance's reason in words. The rule of thumb decides on the state as the turn begins;
 * the preview reads it then (`ahead`: "Moscow controls it"), but the turn report is read
 * after the turn, when control may have changed hands, so it says when it held (`back`:
 * "Moscow controlled it as the turn began") and never contradicts the report's own lines.
 */
export function describeStanceReason(ix: ScenarioIndex, r: StanceReason, when: 'ahead' | 'back'): string {
  const back = when === 'back';
  switch (r.kind) {
    case 'not-contested':
      return 'not a contested country';
    case 'unstable':
      return back ? `its stability was ${r.stability} as the turn began, below ${CRACKDOWN_BELOW}` : `stability ${r.stability} is below ${CRACKDOWN_BELOW}`;
    case 'controlled':
      return `${powerName(ix, r.power)} ${back ? 'controlled it as the turn began' : 'controls it'}, and a controlled republic plays its patrons off each other`;
    case 'best-offer':
      // Named as what the numbers are (offers(): the orders' base influence, 3 for a project), not "(3 to 0)" inside the report's own brackets.
      return `${powerName(ix, r.power)} ${back ? 'offered' : 'offers'} the most this turn: orders worth ${r.offer} influence against ${r.next}`;
    case 'no-clear-offer':
      return `no patron ${back ? 'offered' : 'offers'} clearly more`;
    default: {
      const never: never = r;
      return String(never);
    }
  }
}

/**
 * The engine's rule of thumb for a republic, with its reason (`why`; `reason` is it in
 * words, as the turn begins): an unstable one cracks down; a proud one that a patron
 * controls hedges; otherwise it takes a clearly better offer; and with no clear offer it hedges.
 */
export function ruleOfThumbChoice(scenario: Scenario, state: StateLike, country: string, orders: Record<string, readonly Order[]>): { choice: RepublicChoice; why: StanceReason; reason: string } {
  const ix = indexScenario(scenario);
  const decided = (choice: RepublicChoice, why: StanceReason): { choice: RepublicChoice; why: StanceReason; reason: string } => ({ choice, why, reason: describeStanceReason(ix, why, 'ahead') });
  const c = own(state.countries, country);
  const def = ix.contested.get(country);
  if (!c || !def) return decided({ kind: 'hedge' }, { kind: 'not-contested' });
  if (c.stability < CRACKDOWN_BELOW) return decided({ kind: 'crackdown' }, { kind: 'unstable', stability: c.stability });
  const s = standing(ix.powerIds, c);
  if (s.leader !== null && s.lead >= controlMargin(scenario, country)) return decided({ kind: 'hedge' }, { kind: 'controlled', power: s.leader });
  const ranked = [...offers(ix, country, orders)].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best && best[1] > 0 && best[1] - (second?.[1] ?? 0) >= 3) return decided({ kind: 'lean', power: best[0] }, { kind: 'best-offer', power: best[0], offer: best[1], next: second?.[1] ?? 0 });
  return decided({ kind: 'hedge' }, { kind: 'no-clear-offer' });
}

/** The rule of thumb for every republic. */
export function ruleOfThumbChoices(scenario: Scenario, state: StateLike, orders: Record<string, readonly Order[]>): Record<string, RepublicChoice> {
  const out = idRecord<RepublicChoice>();
  for (const id of indexScenario(scenario).contestedIds) out[id] = ruleOfThumbChoice(scenario, state, id, orders).choice;
  return out;
}

/** Parses republic choices from untrusted input: a record of contested country id → stance. */
export function parseRepublicChoices(scenario: Scenario, raw: unknown): Result<Record<string, RepublicChoice>, string> {
  const out = idRecord<RepublicChoice>();
  if (raw === undefined) return ok(out);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return err('republic choices must be an object of country id → stance');
  const ix = indexScenario(scenario);
  for (const [country, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!ix.contested.has(country)) return err(`"${country}" is not a contested country, so it takes no stance`);
    const o = v as Record<string, unknown> | null;
    const keys = o && typeof o === 'object' && !Array.isArray(o) ? Object.keys(o) : [];
    if (o && keys.length === 1 && (o.kind === 'hedge' || o.kind === 'crackdown')) out[country] = { kind: o.kind };
    else if (o && keys.length === 2 && o.kind === 'lean' && typeof o.power === 'string' && ix.power.has(o.power)) out[country] = { kind: 'lean', power: o.power };
    else return err(`${countryName(ix, country)}: expected {"kind": "hedge"}, {"kind": "crackdown"} or {"kind": "lean", "power": <a power id>}`);
  }
  return ok(out);
}
