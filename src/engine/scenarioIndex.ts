// Lookups built once per validated scenario (cached by identity), so rules read
// `ix.action.get(id)` instead of searching arrays on every order.
import type { Action, ContestedCountry, Country, Power, Project, Scenario } from './schema';
import { monthIndex } from './dates';

export interface ScenarioIndex {
  scenario: Scenario;
  powerIds: string[];
  power: Map<string, Power>;
  /** Contested country ids in scenario order. */
  contestedIds: string[];
  contested: Map<string, ContestedCountry>;
  country: Map<string, Country>;
  action: Map<string, Action>;
  project: Map<string, Project>;
  /** Contested countries each project's route touches, in route order. */
  routeCountries: Map<string, string[]>;
  /** Each event's date window as month indices (see dates.ts), in scenario order. */
  eventWindows: { from: number; to: number }[];
  /** Month index of turn 1. */
  startMonth: number;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

export function indexScenario(scenario: Scenario): ScenarioIndex {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const contestedList = scenario.countries.filter((c): c is ContestedCountry => c.role === 'contested');
  const cityCountry = new Map(scenario.cities.map((c) => [c.id, c.country]));
  const contestedSet = new Set(contestedList.map((c) => c.id));
  const routeCountries = new Map<string, string[]>();
  for (const p of scenario.projects) {
    const seen: string[] = [];
    for (const cityId of p.route) {
      const country = cityCountry.get(cityId);
      if (country !== undefined && contestedSet.has(country) && !seen.includes(country)) seen.push(country);
    }
    routeCountries.set(p.id, seen);
  }
  const ix: ScenarioIndex = {
    scenario,
    powerIds: scenario.powers.map((p) => p.id),
    power: new Map(scenario.powers.map((p) => [p.id, p])),
    contestedIds: contestedList.map((c) => c.id),
    contested: new Map(contestedList.map((c) => [c.id, c])),
    country: new Map(scenario.countries.map((c) => [c.id, c])),
    action: new Map(scenario.actions.map((a) => [a.id, a])),
    project: new Map(scenario.projects.map((p) => [p.id, p])),
    routeCountries,
    eventWindows: scenario.events.map((e) => ({
      from: e.trigger.from === undefined ? -Infinity : monthIndex(e.trigger.from),
      to: e.trigger.to === undefined ? Infinity : monthIndex(e.trigger.to),
    })),
    startMonth: monthIndex(scenario.start),
  };
  cache.set(scenario, ix);
  return ix;
}

export const powerName = (ix: ScenarioIndex, id: string): string => ix.power.get(id)?.name ?? id;
export const countryName = (ix: ScenarioIndex, id: string): string => ix.country.get(id)?.name ?? id;
