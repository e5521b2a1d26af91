// A sea link (a ferry, a port) lets a project route cross water exactly as a land border
// does, and nothing else: the Caspian crossing no longer has to be faked as a border.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/engine';
import { formatProblem, loadScenario, playTurn, startRecord } from '../../src/engine';
import { miniInput } from '../fixtures/mini';

type CountryInput = ScenarioInput['countries'][number];

/** The mini scenario with an island "gamma" off beta and a railway from alpha over the water to it. */
function withIsland(edit: (countries: CountryInput[]) => void): ScenarioInput {
  const x = miniInput();
  x.countries.push({ id: 'gamma', name: 'Gamma', role: 'contested', mapId: '005', borders: [], importance: 1, influence: { north: 10, south: 10 }, stability: 50, sovereignty: 50, dependence: { economic: { north: 0, south: 0 }, security: { north: 0, south: 0 } }, memberships: [] });
  x.cities?.push({ id: 'g-port', name: 'G Port', country: 'gamma', lat: 41, lon: 63 });
  x.projects?.push({ id: 'ferry-rail', name: 'Ferry rail', kind: 'rail', summary: 'Rail and ferry.', sponsors: ['north', 'south'], cost: 6, buildTurns: 1, route: ['a-city', 'b-city', 'g-port'], onComplete: [{ type: 'influence', country: '$route', power: '$self', delta: 4 }], basis: { kind: 'assumption', reason: 'A test needs it.' } });
  edit(x.countries);
  return x;
}
const byId = (countries: CountryInput[], id: string): CountryInput => countries.find((c) => c.id === id) as CountryInput;
const problems = (x: ScenarioInput): string[] => {
  const r = loadScenario(x);
  return r.ok ? [] : r.error.map((p) => formatProblem('f', p));
};

describe('sea links', () => {
  it('without one, a route over water is refused as a jump across a border', () => {
    expect(problems(withIsland(() => {})).join('\n')).toContain('"g-port" in "gamma", which does not border "beta"');
  });

  it('a sea link listed on both sides carries the route like a land border', () => {
    const x = withIsland((cs) => {
      byId(cs, 'beta').seaLinks = [{ country: 'gamma', note: 'A ferry across the test sea.' }];
      byId(cs, 'gamma').seaLinks = [{ country: 'beta', note: 'A ferry across the test sea.' }];
    });
    expect(problems(x)).toEqual([]);
    const r = loadScenario(x);
    if (!r.ok) throw new Error('invalid');
    // "$route" counts the country across the water like any other on the route.
    const start = startRecord(r.value, 'sea');
    if (!start.ok) throw new Error(start.error);
    const t = playTurn(start.value, { north: [{ type: 'project', project: 'ferry-rail' }], south: [] });
    if (!t.ok) throw new Error(t.error);
    expect(t.value.record.state.projects['ferry-rail']?.status).toBe('built');
    expect(t.value.record.state.countries.gamma?.influence.north).toBeGreaterThan(10);
  });

  it('must be listed on both sides and name another real country', () => {
    const one = withIsland((cs) => {
      byId(cs, 'beta').seaLinks = [{ country: 'gamma', note: 'Ferry.' }];
    });
    expect(problems(one).join('\n')).toContain('countries[1].seaLinks[0].country: found "gamma", which does not list "beta" among its sea links; expected sea links listed on both sides');
    const bad = withIsland((cs) => {
      byId(cs, 'beta').seaLinks = [{ country: 'atlantis', note: 'Ferry.' }, { country: 'beta', note: 'Ferry.' }];
    });
    const text = problems(bad).join('\n');
    expect(text).toContain('countries[1].seaLinks[0].country: found "atlantis"');
    expect(text).toContain('countries[1].seaLinks[1].country: found "beta" (itself)');
  });

  // The parsed scenario is part of every game's hash: no default may appear in it, so the
  // golden replays of files without sea links stay byte-identical.
  it('a file without sea links parses to no seaLinks key at all', () => {
    const r = loadScenario(miniInput());
    if (!r.ok) throw new Error('invalid');
    for (const c of r.value.countries) expect(Object.hasOwn(c, 'seaLinks')).toBe(false);
  });
});
