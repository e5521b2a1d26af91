// Warnings about a scenario against the map asset: a country whose mapId has no shape is
// not drawn, and a city placed in another country (or off the map) is drawn where the
// scenario does not say it is. The engine cannot check these (it holds no assets), so
// `validate` and the editor call this beside the engine's own warnings.
//
// Cities are tested where the map draws them: projected with the asset's own d3-geo
// projection and tested against the asset's rings, which are already projected and
// clipped to the map (so d3's spherical geoContains, which needs rings in degrees, does
// not apply to them). A dot inside a shape on screen is what a player sees.
import type { Problem, Scenario } from '../engine';
import type { MapAsset, MapCountry } from './mapAsset';
import { containsPoint } from './mapAsset';
import { makeProjection, MAP_FRAME, projectPoint } from './projection';

/**
 * How near a city may lie to its country's shape and still count as in it, in map pixels
 * (one is about 3 km): the shapes are Natural Earth's 1:50m, coarse enough that a border
 * town or a port can fall just across the line.
 */
export const NEAR_PX = 5;

/** The shortest distance from (x, y) to the edges of `rings`. */
function distanceToRings(rings: readonly number[][], x: number, y: number): number {
  let best = Infinity;
  for (const r of rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const ax = r[j] as number;
      const ay = r[j + 1] as number;
      const dx = (r[i] as number) - ax;
      const dy = (r[i + 1] as number) - ay;
      const len = dx * dx + dy * dy;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len));
      best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
    }
  }
  return best;
}

/** Whether the map cuts the country's shape at its edge (the shapes are clipped to the map). */
function reachesEdge(asset: MapAsset, c: MapCountry): boolean {
  return c.rings.some((r) => r.some((v, k) => (k % 2 === 0 ? v <= 0 || v >= asset.width : v <= 0 || v >= asset.height)));
}

const described = (c: MapCountry): string => `${c.name} (map id "${c.mapId}")`;

export function mapWarnings(s: Scenario, asset: MapAsset): Problem[] {
  const warnings: Problem[] = [];
  const shapes = new Map(asset.countries.map((c) => [c.mapId, c]));
  const byName = new Map(asset.countries.map((c) => [c.name.toLowerCase(), c]));

  s.countries.forEach((c, i) => {
    if (shapes.has(c.mapId)) return;
    const sameName = byName.get(c.name.toLowerCase());
    const hint = sameName ? `; the map has ${c.name} as "${sameName.mapId}"` : '';
    warnings.push({
      path: `countries[${i}].mapId`,
      found: `"${c.mapId}", which has no shape on the map (the country is not drawn)`,
      expected: `the map id of a country the map draws${hint}: ${asset.countries.map((m) => `"${m.mapId}" ${m.name}`).join(', ')}`,
    });
  });

  const projection = makeProjection(asset.projection);
  const countryById = new Map(s.countries.map((c) => [c.id, c]));
  s.cities.forEach((city, i) => {
    const path = `cities[${i}]`;
    const where = `lat ${city.lat}, lon ${city.lon}`;
    const country = countryById.get(city.country);
    const own = country && shapes.get(country.mapId);
    const xy = projectPoint(projection, city.lon, city.lat);
    if (!xy || xy[0] < 0 || xy[0] > asset.width || xy[1] < 0 || xy[1] > asset.height) {
      // A neighbour the map cuts at its edge goes on beyond it, and so may its cities (Beijing, Moscow): those are meant to lie off the map.
      if (country?.role === 'neighbour' && own && reachesEdge(asset, own)) return;
      warnings.push({ path, found: `${where}, outside the map's frame (it would be drawn off the map)`, expected: `a place on the map, which shows about ${MAP_FRAME.west}–${MAP_FRAME.east}°E, ${MAP_FRAME.south}–${MAP_FRAME.north}°N` });
      return;
    }
    // A country the map does not draw is warned about above; its cities cannot be checked.
    if (!country || !own) return;
    const [x, y] = xy;
    if (containsPoint(own.rings, x, y) || distanceToRings(own.rings, x, y) <= NEAR_PX) return;
    const other = asset.countries.find((m) => m !== own && containsPoint(m.rings, x, y));
    const expected = `a place in "${country.id}", drawn as ${described(own)}`;
    warnings.push({ path, found: other ? `${where}, which lies in ${described(other)}` : `${where}, which lies in no country the map draws (the sea, or off ${own.name})`, expected });
  });
  return warnings;
}
