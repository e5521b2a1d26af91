// Build-time map extraction (`npm run map`): Natural Earth country shapes from
// world-atlas (1:50m), only the countries the shipped scenarios name plus a few for
// context, projected with src/map/projection.ts, clipped to the map frame and rounded,
// into assets/map/central-asia.json. The game never fetches map data at run time.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { BASE_PARAMS, MAP_FRAME, makeProjection } from '../src/map/projection';
import type { ProjectionParams } from '../src/map/projection';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// As wide as the frame fitted to the height needs (no empty margin either side): Central Asia keeps 92% of the scale it had in the 1600 × 1000 asset of 44–92°E.
const WIDTH = 1770;
const HEIGHT = 1000;
/** Countries drawn for context although no scenario names them. */
const CONTEXT: Record<string, string> = {
  '031': 'Azerbaijan',
  '586': 'Pakistan',
  '356': 'India',
  '051': 'Armenia',
  '268': 'Georgia',
  '368': 'Iraq',
  '792': 'Turkey',
  // The frame's west, so that a scenario of the Caucasus, Turkey or the Black Sea has its neighbours.
  '804': 'Ukraine',
  '112': 'Belarus',
  '498': 'Moldova',
  '642': 'Romania',
  '100': 'Bulgaria',
  '300': 'Greece',
  '196': 'Cyprus',
  '760': 'Syria',
  '422': 'Lebanon',
  '376': 'Israel',
  '400': 'Jordan',
  '682': 'Saudi Arabia',
  '414': 'Kuwait',
  '440': 'Lithuania',
  '428': 'Latvia',
};

const topo = JSON.parse(readFileSync(join(root, 'node_modules/world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const world = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;

const wanted = new Map<string, string>(Object.entries(CONTEXT));
for (const file of readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'schema.json')) {
  const s = JSON.parse(readFileSync(join(root, 'scenarios', file), 'utf8')) as { countries: { mapId: string; name: string }[] };
  for (const c of s.countries) wanted.set(c.mapId, c.name);
}

// Fit the frame (points along the edges of a lon/lat box: a polygon would depend on
// its winding order) into the canvas, then clip everything to the canvas.
const edge: [number, number][] = [];
for (let i = 0; i <= 20; i++) {
  const lon = MAP_FRAME.west + ((MAP_FRAME.east - MAP_FRAME.west) * i) / 20;
  const lat = MAP_FRAME.south + ((MAP_FRAME.north - MAP_FRAME.south) * i) / 20;
  edge.push([lon, MAP_FRAME.south], [lon, MAP_FRAME.north], [MAP_FRAME.west, lat], [MAP_FRAME.east, lat]);
}
const frame: Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: edge } };
const fitted = makeProjection({ ...BASE_PARAMS, scale: 1, translate: [0, 0] }).fitExtent([[0, 0], [WIDTH, HEIGHT]], frame);
const params: ProjectionParams = { ...BASE_PARAMS, scale: Math.round(fitted.scale() * 100) / 100, translate: [Math.round(fitted.translate()[0] * 100) / 100, Math.round(fitted.translate()[1] * 100) / 100] };
const projection = makeProjection(params).clipExtent([[-20, -20], [WIDTH + 20, HEIGHT + 20]]);

// Land neighbours from the shared arcs of the topology (what the editor offers as borders).
const geometries = topo.objects.countries.geometries;
const adjacency = neighbors(geometries as Parameters<typeof neighbors>[0]);
const neighboursOf = new Map<string, string[]>();
geometries.forEach((g, i) => {
  const id = String(g.id).padStart(3, '0');
  neighboursOf.set(id, (adjacency[i] ?? []).map((j) => String(geometries[j]?.id).padStart(3, '0')));
});

// Project to planar GeoJSON, then read the rings back with an identity "projection".
const countries: { mapId: string; name: string; neighbours: string[]; rings: number[][] }[] = [];
for (const f of world.features) {
  const id = String(f.id).padStart(3, '0');
  const name = wanted.get(id);
  if (!name) continue;
  const svg = geoPath(projection).digits(1)(f);
  if (!svg) continue;
  // "M x,y L x,y … Z" → rings of flat [x0, y0, x1, y1, …] arrays (what Phaser's polygons take).
  const rings = svg
    .split('M')
    .filter((part) => part.trim() !== '')
    .map((part) =>
      part
        .replace(/Z/g, '')
        .split('L')
        .flatMap((pt) => pt.split(',').map(Number)),
    )
    .filter((ring) => ring.length >= 6 && ring.every(Number.isFinite));
  if (rings.length > 0) countries.push({ mapId: id, name, neighbours: (neighboursOf.get(id) ?? []).filter((n) => wanted.has(n)).sort(), rings });
}
countries.sort((a, b) => a.mapId.localeCompare(b.mapId));
const missing = [...wanted.keys()].filter((id) => !countries.some((c) => c.mapId === id));
if (missing.length > 0) throw new Error(`no shape for ${missing.join(', ')}`);

const asset = { source: 'Natural Earth 1:50m country shapes via world-atlas 2.0.2 (public domain)', width: WIDTH, height: HEIGHT, projection: params, countries };
const out = join(root, 'assets/map/central-asia.json');
writeFileSync(out, `${JSON.stringify(asset)}\n`);
process.stdout.write(`wrote ${out}: ${countries.length} countries, ${countries.reduce((n, c) => n + c.rings.reduce((m, r) => m + r.length / 2, 0), 0)} points\n`);
