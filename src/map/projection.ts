// The map's projection: Lambert conformal conic centred on Central Asia (45°N 65°E,
// standard parallels 35° and 55°), which keeps shapes true across the region. The
// map asset stores its parameters, so scenes project cities exactly as the shapes
// were projected at build time.
import { geoConicConformal } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';

export interface ProjectionParams {
  rotate: [number, number];
  center: [number, number];
  parallels: [number, number];
  scale: number;
  translate: [number, number];
}

/**
 * The region's framing before fitting: the frame (lon, lat) the map asset must show. It
 * reaches west to the Aegean, so that a scenario of the Caucasus, Turkey or the Black Sea
 * (Ankara, Istanbul, Tbilisi, Baku) has its countries and cities on the map; the game's
 * view frames each scenario's own countries and cities within it (src/scenes/MapScene.ts).
 */
export const MAP_FRAME = { west: 26, east: 92, south: 30, north: 57 } as const;
export const BASE_PARAMS: Omit<ProjectionParams, 'scale' | 'translate'> = { rotate: [-65, 0], center: [0, 45], parallels: [35, 55] };

export function makeProjection(p: ProjectionParams): GeoProjection {
  return geoConicConformal().rotate(p.rotate).center(p.center).parallels(p.parallels).scale(p.scale).translate(p.translate);
}

/** Projects longitude/latitude to map pixels; null for a point the projection cannot place. */
export function projectPoint(projection: GeoProjection, lon: number, lat: number): [number, number] | null {
  const xy = projection([lon, lat]);
  return xy ? [Math.round(xy[0] * 10) / 10, Math.round(xy[1] * 10) / 10] : null;
}
