// Fixed order scripts: players that never react to the rival or the board, only to
// what is legal and affordable. The design report plays them against search:2: a
// script that wins often means one plan beats thinking, which a strategy game must
// not allow (issue 10, target "no fixed order script wins more than 35%").
//
//   script:focus=<country>,<country>[,…]  the highest-base-influence orders in those countries, every turn
//   script:summit                          diplomacy only, one republic after another ("summit rush")
//   script:build                           every project it can start, cheapest first; spare slots invest where it matters most
import type { LegalOrder, Order, PowerView, Scenario } from '../engine';
import { legalOrders, own } from '../engine';
import type { Player } from './player';

/** The scripts the report tries by default; `focus` takes the two most important contested countries. */
export const SCRIPT_KINDS = ['focus', 'summit', 'build'] as const;

/** Base influence of each action (what a non-reactive player can read off the card). */
function baseInfluence(scenario: Scenario): Map<string, number> {
  return new Map(scenario.actions.map((a) => [a.id, a.influence]));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const countryOf = (o: Order): string | null => (o.type === 'project' ? null : o.country);

/** Takes candidates in the given order while slots and budget last; `fits` may refuse one given what is already taken. */
function take(view: PowerView, scenario: Scenario, sorted: readonly LegalOrder[], fits: (o: LegalOrder, taken: readonly LegalOrder[]) => boolean = () => true): Order[] {
  let budget = own(view.powers, view.viewer)?.budget ?? 0;
  const taken: LegalOrder[] = [];
  for (const o of sorted) {
    if (taken.length >= scenario.rules.maxOrdersPerTurn) break;
    if (o.cost > budget || !fits(o, taken)) continue;
    taken.push(o);
    budget -= o.cost;
  }
  return taken.map((o) => o.order);
}

/** Strongest card first, then the cheaper, then a fixed order, so the choice never depends on the board. */
function byStrength(scenario: Scenario): (a: LegalOrder, b: LegalOrder) => number {
  const inf = baseInfluence(scenario);
  const strength = (o: LegalOrder): number => (o.order.type === 'project' ? -1 : (inf.get(o.order.action) ?? 0));
  return (a, b) => strength(b) - strength(a) || a.cost - b.cost || cmp(a.label, b.label);
}

function focusPlayer(name: string, countries: readonly string[]): Player {
  const focus = new Set(countries);
  return {
    name,
    decide(scenario, view) {
      const legal = legalOrders(scenario, view, view.viewer).filter((o) => o.order.type !== 'project' && focus.has(countryOf(o.order) ?? ''));
      return take(view, scenario, [...legal].sort(byStrength(scenario)));
    },
  };
}

function summitPlayer(): Player {
  return {
    name: 'script:summit',
    decide(scenario, view) {
      const contested = scenario.countries.filter((c) => c.role === 'contested').map((c) => c.id);
      // Each turn starts one republic further along, so every capital gets its summits in turn.
      const rank = new Map(contested.map((c, i) => [c, (i - (view.turn - 1) + contested.length * 60) % contested.length]));
      const strength = byStrength(scenario);
      const legal = legalOrders(scenario, view, view.viewer)
        .filter((o) => o.order.type === 'diplomacy')
        .sort((a, b) => (rank.get(countryOf(a.order) ?? '') ?? 0) - (rank.get(countryOf(b.order) ?? '') ?? 0) || strength(a, b));
      return take(view, scenario, legal, (o, taken) => !taken.some((t) => countryOf(t.order) === countryOf(o.order)));
    },
  };
}

function buildPlayer(): Player {
  return {
    name: 'script:build',
    decide(scenario, view) {
      const importance = new Map(scenario.countries.map((c) => [c.id, c.role === 'contested' ? c.importance : 0]));
      const strength = byStrength(scenario);
      const legal = legalOrders(scenario, view, view.viewer);
      const projects = legal.filter((o) => o.order.type === 'project').sort((a, b) => a.cost - b.cost || cmp(a.label, b.label));
      const invest = legal
        .filter((o) => o.order.type === 'invest')
        .sort((a, b) => (importance.get(countryOf(b.order) ?? '') ?? 0) - (importance.get(countryOf(a.order) ?? '') ?? 0) || strength(a, b));
      return take(view, scenario, [...projects, ...invest]);
    },
  };
}

/** Reads `script:…`; null if the name is not a script's. */
export function parseScript(name: string): { ok: true; value: Player } | { ok: false; error: string } | null {
  if (!name.startsWith('script:')) return null;
  const rest = name.slice('script:'.length);
  if (rest === 'summit') return { ok: true, value: summitPlayer() };
  if (rest === 'build') return { ok: true, value: buildPlayer() };
  const m = /^focus=([a-z0-9][a-z0-9-]*(?:,[a-z0-9][a-z0-9-]*)*)$/.exec(rest);
  if (m) return { ok: true, value: focusPlayer(name, (m[1] as string).split(',')) };
  return { ok: false, error: `unknown script "${name}": expected script:focus=<country>,<country>, script:summit or script:build` };
}

/** The scripts the design report plays for a scenario: focus on its two most important contested countries, summit rush, build rush. */
export function defaultScripts(scenario: Scenario): string[] {
  const contested = scenario.countries.flatMap((c, i) => (c.role === 'contested' ? [{ id: c.id, importance: c.importance, i }] : []));
  const pair = [...contested].sort((a, b) => b.importance - a.importance || a.i - b.i).slice(0, 2).map((c) => c.id);
  return [`script:focus=${pair.join(',')}`, 'script:summit', 'script:build'];
}
