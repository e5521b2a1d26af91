// The view frames each scenario's own region: its contested countries and its cities on the
// map, wherever on the map they are (issue 11, item 7).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MapAsset } from '../../src/map/mapAsset';
import { scenarioFrame } from '../../src/map/frame';
import type { Frame } from '../../src/map/frame';
import { makeProjection, projectPoint } from '../../src/map/projection';
import { loadShipped, SHIPPED } from '../engine/helpers';

const asset = JSON.parse(readFileSync(join(__dirname, '../../assets/map/central-asia.json'), 'utf8')) as MapAsset;
const projection = makeProjection(asset.projection);

const at = (lon: number, lat: number): [number, number] => {
  const p = projectPoint(projection, lon, lat);
  if (!p) throw new Error(`${lon}, ${lat}`);
  return p;
};
/** Inside the frame, at least `inset` map px from each edge. */
const inside = (f: Frame, [x, y]: [number, number], inset = 0): boolean => x >= f.x + inset && x <= f.x + f.w - inset && y >= f.y + inset && y <= f.y + f.h - inset;

// The tutorial's kind of scenario: Georgia, Azerbaijan and Armenia contested, Moscow and Ankara the homes.
const caucasus = {
  countries: [
    { role: 'contested', mapId: '268' },
    { role: 'contested', mapId: '031' },
    { role: 'contested', mapId: '051' },
    { role: 'neighbour', mapId: '643' },
    { role: 'neighbour', mapId: '792' },
  ],
  cities: [
    { lon: 44.79, lat: 41.72 }, // Tbilisi
    { lon: 49.87, lat: 40.41 }, // Baku
    { lon: 32.85, lat: 39.93 }, // Ankara
    { lon: 28.98, lat: 41.01 }, // Istanbul
  ],
};

describe('scenarioFrame', () => {
  it('frames a Caucasus and Turkey scenario on its own countries and cities, with a margin, not the whole map', () => {
    const f = scenarioFrame(asset, projection, caucasus, true);
    for (const [lon, lat] of [[44.79, 41.72], [49.87, 40.41], [32.85, 39.93], [28.98, 41.01]] as const) expect(inside(f, at(lon, lat), 10), `${lon}, ${lat}`).toBe(true);
    // Russia and Turkey are neighbours: their shapes do not widen the view to the whole map.
    expect(f.w).toBeLessThan(asset.width / 2);
    expect(f.h).toBeLessThan(asset.height / 2);
    // On a phone, the contested countries alone: Istanbul and Ankara fall outside, Tbilisi and Baku stay.
    const small = scenarioFrame(asset, projection, caucasus, false);
    expect(inside(small, at(44.79, 41.72), 10)).toBe(true);
    expect(inside(small, at(49.87, 40.41), 10)).toBe(true);
    expect(inside(small, at(32.85, 39.93))).toBe(false);
    expect(small.w).toBeLessThan(f.w);
  });

  it.each(SHIPPED)('frames shipped %s on Central Asia and Moscow, leaving Beijing (off the map) out', (id) => {
    const s = loadShipped(id);
    const f = scenarioFrame(asset, projection, s, true);
    expect(f.x).toBeGreaterThanOrEqual(0);
    expect(f.y).toBeGreaterThanOrEqual(0);
    expect(f.x + f.w).toBeLessThanOrEqual(asset.width);
    expect(f.y + f.h).toBeLessThanOrEqual(asset.height);
    for (const city of s.cities) {
      const p = at(city.lon, city.lat);
      const onMap = p[0] >= 0 && p[0] <= asset.width && p[1] >= 0 && p[1] <= asset.height;
      expect(inside(f, p), city.id).toBe(onMap);
    }
    expect(s.cities.some((c) => c.id === 'moscow')).toBe(true);
    // The Aegean end of the map, which these scenarios do not reach, is left out of the view.
    expect(inside(f, at(32.85, 39.93))).toBe(false);
    // On a phone: the five republics only.
    const small = scenarioFrame(asset, projection, s, false);
    expect(inside(small, at(37.62, 55.76))).toBe(false);
    expect(inside(small, at(71.45, 51.17), 10)).toBe(true);
  });

  it('frames the whole map without a scenario or a contested shape on the map', () => {
    expect(scenarioFrame(asset, projection, null, true)).toEqual({ x: 0, y: 0, w: asset.width, h: asset.height });
    expect(scenarioFrame(asset, projection, { countries: [{ role: 'contested', mapId: '999' }], cities: [] }, true)).toEqual({ x: 0, y: 0, w: asset.width, h: asset.height });
  });
});
