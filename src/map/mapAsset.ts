// The prepared map (assets/map/central-asia.json): its shape, and finding the country
// under a point.
import type { ProjectionParams } from './projection';

export interface MapCountry {
  mapId: string;
  name: string;
  /** Map ids of the countries on the map that share a land border with this one. */
  neighbours: string[];
  /** Rings of flat [x0, y0, x1, y1, …] map coordinates; holes are rings too (even–odd). */
  rings: number[][];
}

export interface MapAsset {
  source: string;
  width: number;
  height: number;
  projection: ProjectionParams;
  countries: MapCountry[];
}

/** Even–odd test over all of a country's rings. */
export function containsPoint(rings: readonly number[][], x: number, y: number): boolean {
  let hit = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const xi = r[i] as number;
      const yi = r[i + 1] as number;
      const xj = r[j] as number;
      const yj = r[j + 1] as number;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
    }
  }
  return hit;
}

/** The map id of the country at (x, y), looking first among `preferred` (the board), or null. */
export function countryAt(asset: MapAsset, x: number, y: number, preferred: ReadonlySet<string> = new Set()): string | null {
  const first = asset.countries.filter((c) => preferred.has(c.mapId));
  for (const c of [...first, ...asset.countries.filter((c) => !preferred.has(c.mapId))]) if (containsPoint(c.rings, x, y)) return c.mapId;
  return null;
}
