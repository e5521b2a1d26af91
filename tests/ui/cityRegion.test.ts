// The editor's city map frames the edited scenario's own region, as the game's map does,
// not the whole map from the Aegean to western China (issue 11).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MapAsset } from '../../src/map/mapAsset';
import { cityRegion } from '../../src/ui/editor/editorMap';
import { caucasusInput } from '../fixtures/caucasus';

const asset = JSON.parse(readFileSync(join(__dirname, '../../assets/map/central-asia.json'), 'utf8')) as MapAsset;
const boundsOf = (mapId: string): { x0: number; y0: number; x1: number; y1: number } => {
  const rings = asset.countries.find((c) => c.mapId === mapId)?.rings ?? [];
  const xs = rings.flatMap((r) => r.filter((_, i) => i % 2 === 0));
  const ys = rings.flatMap((r) => r.filter((_, i) => i % 2 === 1));
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
};
const scenario = (file: string): { countries: { mapId: string; role: string }[] } => JSON.parse(readFileSync(join(__dirname, '../../scenarios', file), 'utf8')) as { countries: { mapId: string; role: string }[] };
const rolesOf = (countries: readonly { mapId: string; role: string }[]): Map<string, 'contested' | 'neighbour'> =>
  new Map(countries.flatMap((c) => (c.role === 'contested' || c.role === 'neighbour' ? [[c.mapId, c.role] as const] : [])));

describe('the editor’s city map', () => {
  it('frames a Central Asian scenario on its contested countries, at least 3:2, not the whole map', () => {
    const s = scenario('samarkand-2022.json');
    const r = cityRegion(asset, rolesOf(s.countries));
    for (const c of s.countries.filter((x) => x.role === 'contested')) {
      const b = boundsOf(c.mapId);
      expect(b.x0 >= r.x && b.x1 <= r.x + r.w && b.y0 >= r.y && b.y1 <= r.y + r.h, c.mapId).toBe(true);
    }
    expect(r.w).toBeLessThan(asset.width * 0.75);
    expect(r.w / r.h).toBeGreaterThanOrEqual(1.5 - 1e-9);
    expect(r.x >= 0 && r.y >= 0 && r.x + r.w <= asset.width + 1e-6 && r.y + r.h <= asset.height + 1e-6).toBe(true);
  });

  it('frames a Caucasus scenario in the west, away from Central Asia', () => {
    const s = caucasusInput();
    const r = cityRegion(asset, rolesOf(s.countries));
    const georgia = boundsOf('268');
    expect(georgia.x0 >= r.x && georgia.x1 <= r.x + r.w).toBe(true);
    // Tajikistan, the east of Central Asia, lies beyond it.
    expect(boundsOf('762').x0).toBeGreaterThan(r.x + r.w);
  });

  it('shows the whole map while no contested country has a shape (a blank scenario)', () => {
    expect(cityRegion(asset, new Map([['999', 'contested']]))).toEqual({ x: 0, y: 0, w: asset.width, h: asset.height });
    expect(cityRegion(asset, new Map())).toEqual({ x: 0, y: 0, w: asset.width, h: asset.height });
  });
});
