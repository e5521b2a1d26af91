// `validate` shows warnings after a valid file's summary line, each naming the file, the
// path, what was found and what was expected, and keeps exit code 0: the file loads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/engine';
import { miniInput } from '../fixtures/mini';
import { cli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'ngg-warn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, edit: (s: ScenarioInput) => void): string {
  const s = miniInput();
  const maps = ['268', '051', '643', '792'];
  s.countries.forEach((c, i) => (c.mapId = maps[i] ?? ''));
  s.cities = [
    { id: 'a-city', name: 'Tbilisi', country: 'alpha', lat: 41.72, lon: 44.79 },
    { id: 'b-city', name: 'Yerevan', country: 'beta', lat: 40.18, lon: 44.51 },
    { id: 'n-city', name: 'Moscow', country: 'northland', lat: 55.75, lon: 37.62 },
  ];
  edit(s);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(s));
  return path;
}

describe('validate with warnings', () => {
  it('prints the warnings of every kind and exits 0', () => {
    const path = file('caucasus.json', (s) => {
      const south = s.powers[1];
      if (south) south.home = 'northland';
      const beta = s.countries[1];
      if (beta) beta.mapId = '268';
      const yerevan = s.cities?.[1];
      if (yerevan) yerevan.country = 'alpha';
    });
    const started = Date.now();
    const r = cli(['validate', path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').slice(1)).toEqual([
      `${path}: warning: countries[1].mapId: found "268", the map id of "alpha" (countries[0]) too; expected a map id no other country has (the map draws each id as one country)`,
      `${path}: warning: powers[1].home: found "northland", the home of power "north" too; expected a home country no other power has`,
      `${path}: warning: cities[1]: found lat 40.18, lon 44.51, which lies in Armenia (map id "051"); expected a place in "alpha", drawn as Georgia (map id "268")`,
      `${path}: 3 warnings (the file loads; see scenarios/README.md, Warnings)`,
    ]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('says when quick computer games never find a winner', () => {
    const path = file('mirror.json', (s) => {
      s.powers.forEach((p) => (p.tracks = []));
      s.actions = s.actions.filter((a) => a.id === 'visit');
      s.projects = [];
      s.organisations = [];
      for (const c of s.countries) if (c.role === 'contested') c.memberships = [];
    });
    const r = cli(['validate', path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${path}: warning: victory: found no winner in 3 quick computer games (every power played by the rule-of-thumb player "greedy", seeds "validate-0" to "validate-2"): all were draws;`);
  });
});
