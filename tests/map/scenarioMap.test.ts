// Warnings against the map asset: a mapId with no shape, a city that lies in another
// country than the one it names, a city off the map. The fixture is the tiny scenario
// moved to the Caucasus (Georgia and Armenia contested, Russia and Turkey the homes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/engine';
import { formatProblem } from '../../src/engine';
import type { MapAsset } from '../../src/map/mapAsset';
import { mapWarnings } from '../../src/map/scenarioMap';
import { mini } from '../fixtures/mini';
import { loadShipped, SHIPPED } from '../engine/helpers';

const asset = JSON.parse(readFileSync(join(__dirname, '../../assets/map/central-asia.json'), 'utf8')) as MapAsset;

function caucasus(edit?: (s: ScenarioInput) => void): ReturnType<typeof mini> {
  return mini((s) => {
    const names: [string, string][] = [['Georgia', '268'], ['Armenia', '051'], ['Russia', '643'], ['Turkey', '792']];
    s.countries.forEach((c, i) => {
      const [name, mapId] = names[i] ?? ['', ''];
      c.name = name;
      c.mapId = mapId;
    });
    s.cities = [
      { id: 'a-city', name: 'Tbilisi', country: 'alpha', lat: 41.72, lon: 44.79 },
      { id: 'b-city', name: 'Yerevan', country: 'beta', lat: 40.18, lon: 44.51 },
      // Off the map, but Russia goes on beyond its edge: no warning.
      { id: 'n-city', name: 'Moscow', country: 'northland', lat: 55.75, lon: 37.62 },
      // A port on the coast: Batumi, within the shapes' coarseness.
      { id: 'batumi', name: 'Batumi', country: 'alpha', lat: 41.64, lon: 41.63 },
    ];
    edit?.(s);
  });
}

const city = (s: ScenarioInput, id: string): NonNullable<ScenarioInput['cities']>[number] => {
  const c = s.cities?.find((x) => x.id === id);
  if (!c) throw new Error(id);
  return c;
};

describe('mapWarnings', () => {
  it.each([
    { name: 'the Caucasus fixture as it is', edit: undefined, warnings: [] },
    {
      name: 'a mapId with no shape, with the map id of the same name (12)',
      edit: (s: ScenarioInput) => {
        const c = s.countries[1];
        if (c) c.mapId = '052';
      },
      warnings: [
        `caucasus.json: countries[1].mapId: found "052", which has no shape on the map (the country is not drawn); expected the map id of a country the map draws; the map has Armenia as "051": ${asset.countries.map((m) => `"${m.mapId}" ${m.name}`).join(', ')}`,
      ],
    },
    {
      name: 'a city in another country than it names (13)',
      edit: (s: ScenarioInput) => (city(s, 'b-city').country = 'alpha'),
      warnings: ['caucasus.json: cities[1]: found lat 40.18, lon 44.51, which lies in Armenia (map id "051"); expected a place in "alpha", drawn as Georgia (map id "268")'],
    },
    {
      name: 'latitude and longitude swapped (13)',
      edit: (s: ScenarioInput) => Object.assign(city(s, 'a-city'), { lat: 44.79, lon: 41.72 }),
      warnings: ['caucasus.json: cities[0]: found lat 44.79, lon 41.72, which lies in Russia (map id "643"); expected a place in "alpha", drawn as Georgia (map id "268")'],
    },
    {
      name: 'a city in the sea (13)',
      edit: (s: ScenarioInput) => Object.assign(city(s, 'batumi'), { lat: 42.5, lon: 38 }),
      warnings: ['caucasus.json: cities[3]: found lat 42.5, lon 38, which lies in no country the map draws (the sea, or off Georgia); expected a place in "alpha", drawn as Georgia (map id "268")'],
    },
    {
      name: 'a contested country\'s city off the map (13)',
      edit: (s: ScenarioInput) => Object.assign(city(s, 'a-city'), { lon: -44.79 }),
      warnings: ["caucasus.json: cities[0]: found lat 41.72, lon -44.79, outside the map's frame (it would be drawn off the map); expected a place on the map, which shows about 26–92°E, 30–57°N"],
    },
  ])('$name', ({ edit, warnings }) => {
    expect(mapWarnings(caucasus(edit), asset).map((w) => formatProblem('caucasus.json', w))).toEqual(warnings);
  });

  it.each(SHIPPED)('shipped %s has no warnings', (id) => {
    expect(mapWarnings(loadShipped(id), asset)).toEqual([]);
  });
});
