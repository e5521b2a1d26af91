// The part of the map a scenario is about: what the game's view frames at zoom 1, so that
// any region on the map (Central Asia, the Caucasus, Turkey) fills the view with a margin
// rather than a fixed frame.
import type { GeoProjection } from 'd3-geo';
import type { MapAsset } from './mapAsset';
import { projectPoint } from './projection';

/** A box in map pixels. */
export interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What framing reads of a scenario. */
export interface Framed {
  countries: readonly { role: string; mapId: string }[];
  cities: readonly { lon: number; lat: number }[];
}

/** The margin around what is framed, as a share of its longer side. */
const MARGIN = 0.06;

/**
 * The box of the scenario's contested countries' shapes and, `withCities`, of its cities
 * that lie on the map (a home capital such as Moscow; one off the map, Beijing, is left
 * out), with a margin (`margin`, a share of its longer side), within the map. Not its
 * neighbours' shapes: Russia and China span the whole map. The whole map without a
 * scenario or a contested shape on the map.
 */
export function scenarioFrame(asset: MapAsset, projection: GeoProjection, s: Framed | null, withCities: boolean, margin = MARGIN): Frame {
  const whole = { x: 0, y: 0, w: asset.width, h: asset.height };
  if (!s) return whole;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const add = (x: number, y: number): void => {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  };
  const contested = new Set(s.countries.filter((c) => c.role === 'contested').map((c) => c.mapId));
  for (const shape of asset.countries) {
    if (!contested.has(shape.mapId)) continue;
    for (const ring of shape.rings) for (let i = 0; i < ring.length; i += 2) add(ring[i] as number, ring[i + 1] as number);
  }
  if (!Number.isFinite(x0)) return whole;
  if (withCities)
    for (const c of s.cities) {
      const p = projectPoint(projection, c.lon, c.lat);
      if (p && p[0] >= 0 && p[1] >= 0 && p[0] <= whole.w && p[1] <= whole.h) add(p[0], p[1]);
    }
  const m = margin * Math.max(x1 - x0, y1 - y0);
  // Within the map: a margin past its edge would only show the background.
  const x = Math.max(0, x0 - m);
  const y = Math.max(0, y0 - m);
  return { x, y, w: Math.min(whole.w, x1 + m) - x, h: Math.min(whole.h, y1 + m) - y };
}
