// The prepared map asset covers every country the shipped scenarios name, and its
// stored projection places every scenario city where the shapes say it is.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProjection, projectPoint } from '../../src/map/projection';
import type { MapAsset } from '../../src/map/mapAsset';
import { containsPoint, countryAt } from '../../src/map/mapAsset';

const root = join(__dirname, '../..');
const asset = JSON.parse(readFileSync(join(root, 'assets/map/central-asia.json'), 'utf8')) as MapAsset;
const scenarios = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .map((f) => JSON.parse(readFileSync(join(root, 'scenarios', f), 'utf8')) as { id: string; countries: { id: string; mapId: string }[]; cities: { id: string; country: string; lat: number; lon: number }[] });

describe('map asset', () => {
  it('has a shape for every country of every shipped scenario', () => {
    const ids = new Set(asset.countries.map((c) => c.mapId));
    for (const s of scenarios) for (const c of s.countries) expect(ids.has(c.mapId), `${s.id}: ${c.id} (${c.mapId})`).toBe(true);
  });
  it('places each city of the contested countries inside its country’s shape', () => {
    const projection = makeProjection(asset.projection);
    const contested = new Map([['kazakhstan', '398'], ['kyrgyzstan', '417'], ['tajikistan', '762'], ['uzbekistan', '860'], ['turkmenistan', '795']]);
    let checked = 0;
    for (const s of scenarios) {
      for (const city of s.cities) {
        const mapId = contested.get(city.country);
        if (!mapId) continue;
        const p = projectPoint(projection, city.lon, city.lat);
        expect(p).not.toBeNull();
        if (!p) continue;
        expect(p[0] > 0 && p[0] < asset.width && p[1] > 0 && p[1] < asset.height).toBe(true);
        const shape = asset.countries.find((c) => c.mapId === mapId);
        // Border posts sit on the line; allow them a few pixels either side.
        const near = [[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4]].some(([dx, dy]) => containsPoint(shape?.rings ?? [], p[0] + (dx ?? 0), p[1] + (dy ?? 0)));
        expect(near, `${s.id}: ${city.id}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
  it('finds the country under a point, the board first', () => {
    const projection = makeProjection(asset.projection);
    const at = (lon: number, lat: number): string | null => {
      const p = projectPoint(projection, lon, lat);
      return p ? countryAt(asset, p[0], p[1], new Set(['398', '417', '762', '860', '795'])) : null;
    };
    expect(at(71.45, 51.17)).toBe('398'); // Astana
    expect(at(69.24, 41.3)).toBe('860'); // Tashkent
    expect(at(87.62, 43.83)).toBe('156'); // Urumqi
    expect(at(50.5, 42.0)).toBeNull(); // the Caspian Sea
  });
  it('reaches west to the Aegean: a Caucasus or Turkey scenario has its capitals inside their own shapes, away from the edge', () => {
    const projection = makeProjection(asset.projection);
    const places: [string, number, number, string][] = [
      ['Ankara', 32.85, 39.93, '792'],
      ['Istanbul', 28.98, 41.01, '792'],
      ['Tbilisi', 44.79, 41.72, '268'],
      ['Baku', 49.87, 40.41, '031'],
      ['Yerevan', 44.51, 40.18, '051'],
      ['Tehran', 51.39, 35.69, '364'],
      ['Kyiv', 30.52, 50.45, '804'],
      ['Damascus', 36.29, 33.51, '760'],
    ];
    for (const [name, lon, lat, mapId] of places) {
      const p = projectPoint(projection, lon, lat);
      if (!p) throw new Error(name);
      // A tenth of the map's width from its left edge at least: the view can frame it with a margin.
      expect(p[0], `${name} x`).toBeGreaterThan(asset.width / 10);
      expect(p[1] > 0 && p[1] < asset.height, `${name} y`).toBe(true);
      // A city on a strait or a coast (Istanbul) may fall in the coarse shapes' water: a few pixels either side, as for border posts.
      const near = [[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4]].some(([dx, dy]) => countryAt(asset, p[0] + (dx ?? 0), p[1] + (dy ?? 0), new Set([mapId])) === mapId);
      expect(near, name).toBe(true);
    }
  });
  it('stays small: under 60 KB gzipped', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(readFileSync(join(root, 'assets/map/central-asia.json'))).length).toBeLessThan(60_000);
  });
});
