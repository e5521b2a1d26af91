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
import { caucasus } from '../fixtures/caucasus';

const asset = JSON.parse(readFileSync(join(__dirname, '../../assets/map/central-asia.json'), 'utf8')) as MapAsset;
const projection = makeProjection(asset.projection);

const at = (lon: number, lat: number): [number, number] => {
  const p = projectPoint(projection, lon, lat);
  if (!p) throw new Error(`${lon}, ${lat}`);
  return p;
};
/** Inside the frame, at least `inset` map px from each edge. */
const inside = (f: Frame, [x, y]: [number, number], inset = 0): boolean => x >= f.x + inset && x <= f.x + f.w - inset && y >= f.y + inset && y <= f.y + f.h - inset;

describe('scenarioFrame', () => {
  it('frames a Caucasus and Turkey scenario on its own countries and cities, with a margin, not the whole map', () => {
    const s = caucasus();
    const f = scenarioFrame(asset, projection, s, true);
    // Every city, Moscow to Istanbul and Baku, 10 map px inside the frame at least.
    for (const c of s.cities) expect(inside(f, at(c.lon, c.lat), 10), c.id).toBe(true);
    // Russia and Turkey are neighbours: their shapes do not widen the view to the whole map.
    expect(f.w).toBeLessThan(asset.width / 2);
    expect(f.x + f.w).toBeLessThan(at(60, 40)[0]);
    // On a phone, the contested countries alone: Istanbul, Ankara and Moscow fall outside, the three capitals stay.
    const small = scenarioFrame(asset, projection, s, false);
    for (const id of ['tbilisi', 'baku', 'yerevan']) {
      const c = s.cities.find((x) => x.id === id);
      if (!c) throw new Error(id);
      expect(inside(small, at(c.lon, c.lat), 10), id).toBe(true);
    }
    for (const [lon, lat] of [[32.85, 39.93], [37.62, 55.75]] as const) expect(inside(small, at(lon, lat))).toBe(false);
    expect(small.w).toBeLessThan(f.w);
    expect(small.h).toBeLessThan(f.h);
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
