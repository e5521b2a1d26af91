// A small SVG map for the editor, drawn from the same map asset and projection as the
// game's map: the scenario's countries shaded by role, its cities as buttons. Used to pick
// a project's route (activate cities in order) and to place a new city where you click.
// It only draws: cities to pick carry `data-action="route-city"`, a map to place cities on
// `data-action="place-city"`, and the editor handles them (formActions.ts). Cities are
// focusable buttons, so the keyboard can do what the mouse does.
import type { MapAsset } from '../../map/mapAsset';
import { countryAt } from '../../map/mapAsset';
import { h } from '../dom';
import type { Path } from './paths';
import { entries } from './references';
import { makeProjection, projectPoint } from '../../map/projection';
import type { Frame } from '../../map/frame';
import { scenarioFrame } from '../../map/frame';
import { fillView } from '../../map/fill';

const SVG = 'http://www.w3.org/2000/svg';

export interface MapCity {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

export interface EditorMapOptions {
  label: string;
  /** The scenario's countries by map shape id, with their role. */
  countries: ReadonlyMap<string, 'contested' | 'neighbour'>;
  cities: readonly MapCity[];
  /** City ids of the route being edited, in order (drawn as a line). */
  route?: readonly string[];
  /** Cities the drawing must show (a route's possible next stops); none: `region`. */
  frame?: readonly string[];
  /** The part of the map drawn when no cities are framed (the scenario's own region); none: the whole map. */
  region?: Frame;
  /** The route list that activating a city (click, Enter, Space) adds it to or takes it off. */
  routePath?: Path;
  cityAction?: string;
  /** Whether a click on the map places a new city there. */
  placeCities?: boolean;
}

const pathCache = new WeakMap<MapAsset, Map<string, string>>();

/** The SVG path of each map shape, built once per asset. */
function shapePaths(asset: MapAsset): Map<string, string> {
  let paths = pathCache.get(asset);
  if (!paths) {
    paths = new Map();
    for (const c of asset.countries) {
      let d = '';
      for (const r of c.rings) {
        for (let i = 0; i < r.length; i += 2) d += `${i === 0 ? 'M' : 'L'}${r[i]} ${r[i + 1]}`;
        d += 'Z';
      }
      paths.set(c.mapId, d);
    }
    pathCache.set(asset, paths);
  }
  return paths;
}

const el = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>): SVGElementTagNameMap[K] => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
};

export function editorMap(asset: MapAsset, o: EditorMapOptions): SVGSVGElement {
  const projection = makeProjection(asset.projection);
  const svg = el('svg', { viewBox: `0 0 ${asset.width} ${asset.height}`, class: 'editor-map', role: 'group', 'aria-label': o.label });
  const paths = shapePaths(asset);
  for (const c of asset.countries) {
    const role = o.countries.get(c.mapId);
    const shape = el('path', { d: paths.get(c.mapId) ?? '', class: `shape ${role ?? 'other'}`, 'fill-rule': 'evenodd' });
    shape.append(Object.assign(el('title', {}), { textContent: `${c.name}${role ? ` (${role})` : ''}` }));
    svg.append(shape);
  }
  const at = new Map<string, [number, number]>();
  for (const c of o.cities) {
    const xy = projectPoint(projection, c.lon, c.lat);
    if (xy) at.set(c.id, xy);
  }
  const route = (o.route ?? []).flatMap((id) => {
    const xy = at.get(id);
    return xy ? [xy] : [];
  });
  // A route's map frames its possible stops (at least a fifth of the region each way), so close stops stay apart.
  // Places beyond the drawn region (Beijing, Moscow) do not widen the frame.
  const framed = (o.frame ?? []).flatMap((id) => {
    const xy = at.get(id);
    return xy && xy[0] >= 0 && xy[0] <= asset.width && xy[1] >= 0 && xy[1] <= asset.height ? [xy] : [];
  });
  const frame = framed.length > 0 ? routeFrame(asset, framed) : (o.region ?? { x: 0, y: 0, w: asset.width, h: asset.height });
  svg.setAttribute('viewBox', `${frame.x} ${frame.y} ${frame.w} ${frame.h}`);
  const unit = frame.w / asset.width;
  svg.style.setProperty('--unit', String(unit));
  if (route.length > 1) svg.append(el('polyline', { points: route.map(([x, y]) => `${x},${y}`).join(' '), class: 'route' }));
  for (const c of o.cities) {
    const xy = at.get(c.id);
    if (!xy) continue;
    const onRoute = o.route?.includes(c.id) ?? false;
    const dot = el('circle', { cx: String(xy[0]), cy: String(xy[1]), r: String((onRoute ? 9 : 7) * unit), class: `city${onRoute ? ' on-route' : ''}` });
    if (o.routePath) {
      dot.setAttribute('tabindex', '0');
      dot.setAttribute('role', 'button');
      dot.setAttribute('aria-label', `${o.cityAction ?? 'Choose'} ${c.name}`);
      dot.dataset.action = 'route-city';
      dot.dataset.path = JSON.stringify(o.routePath);
      dot.dataset.city = c.id;
      dot.dataset.key = `city:${c.id}`;
    }
    dot.append(Object.assign(el('title', {}), { textContent: c.name }));
    svg.append(dot);
    // The route's stops are named on the map (the others on hover), in order.
    if (onRoute) {
      const stop = (o.route?.indexOf(c.id) ?? 0) + 1;
      svg.append(Object.assign(el('text', { x: String(xy[0] + 12 * unit), y: String(xy[1] - 10 * unit), class: 'stop', 'font-size': String(26 * unit), 'stroke-width': String(5 * unit), 'aria-hidden': 'true' }), { textContent: `${stop}. ${c.name}` }));
    } else if (o.routePath && framed.length > 0) {
      // On a route's close-up, the cities one could add are named too.
      svg.append(Object.assign(el('text', { x: String(xy[0] + 10 * unit), y: String(xy[1] + 6 * unit), class: 'place', 'font-size': String(22 * unit), 'stroke-width': String(4 * unit), 'aria-hidden': 'true' }), { textContent: c.name }));
    }
  }
  if (o.placeCities) svg.dataset.action = 'place-city';
  return svg;
}

/** The part of the map a route is drawn in: the given points with a margin, at least a fifth of the map each way, within the map. */
function routeFrame(asset: MapAsset, stops: readonly [number, number][]): { x: number; y: number; w: number; h: number } {
  const xs = stops.map((p) => p[0]);
  const ys = stops.map((p) => p[1]);
  const aspect = asset.width / asset.height;
  let w = Math.max(asset.width / 5, (Math.max(...xs) - Math.min(...xs)) * 1.25);
  let h = Math.max(asset.height / 5, (Math.max(...ys) - Math.min(...ys)) * 1.25);
  // Keep the map's proportions, so the frame fills the drawing.
  if (w / h > aspect) h = w / aspect;
  else w = h * aspect;
  w = Math.min(w, asset.width);
  h = Math.min(h, asset.height);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const x = Math.min(Math.max(cx - w / 2, 0), asset.width - w);
  const y = Math.min(Math.max(cy - h / 2, 0), asset.height - h);
  return { x: Math.round(x), y: Math.round(y), w: Math.round(w), h: Math.round(h) };
}

/** The city map is at least this wide for its height: a tall region would make a drawing taller than the form's map box (26rem). */
const CITY_MAP_ASPECT = 1.5;

/**
 * The city map's part of the map: the scenario's contested countries as the game frames them
 * on a small screen (with a margin: src/map/frame.ts), widened within the map to at least
 * 3:2; the whole map while no contested country has a shape on it (a blank scenario). The map
 * reaches from the Aegean to China: the whole of it left the scenario's countries a sliver to
 * click in. A city far outside them (a home capital) is typed in with "Add a city".
 */
export function cityRegion(asset: MapAsset, countries: ReadonlyMap<string, 'contested' | 'neighbour'>): Frame {
  const framed = { countries: [...countries].map(([mapId, role]) => ({ mapId, role })), cities: [] };
  const f = scenarioFrame(asset, makeProjection(asset.projection), framed, false);
  return fillView(asset.width, asset.height, f, f, Math.max(f.w, f.h * CITY_MAP_ASPECT), f.h);
}

/** Where a click on an editor map landed: latitude, longitude and the map shape under it. */
export function pointOnMap(asset: MapAsset, svg: SVGSVGElement, clientX: number, clientY: number): { lat: number; lon: number; mapId: string | null } | null {
  const m = svg.getScreenCTM();
  if (!m) return null;
  const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
  const lonLat = makeProjection(asset.projection).invert?.([p.x, p.y]);
  if (!lonLat) return null;
  return { lat: Math.round(lonLat[1] * 100) / 100, lon: Math.round(lonLat[0] * 100) / 100, mapId: countryAt(asset, p.x, p.y) };
}

/** The editor's map for a place in the form, if it has one: a project's route, or the cities. */
export function mapFor(asset: MapAsset, json: unknown, path: Path, value: unknown): HTMLElement | null {
  const countries = new Map(entries(json, 'countries').flatMap((c) => (typeof c.mapId === 'string' && (c.role === 'contested' || c.role === 'neighbour') ? [[c.mapId, c.role] as const] : [])));
  const cities: MapCity[] = entries(json, 'cities').flatMap((c) => (typeof c.id === 'string' && typeof c.lat === 'number' && typeof c.lon === 'number' ? [{ id: c.id, name: typeof c.name === 'string' ? c.name : c.id, lat: c.lat, lon: c.lon }] : []));
  if (path.length === 3 && path[0] === 'projects' && path[2] === 'route') {
    const route = Array.isArray(value) ? (value as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    // A close-up of the countries the route runs through.
    const countryOf = new Map(entries(json, 'cities').map((c) => [c.id, c.country]));
    const touched = new Set(route.map((id) => countryOf.get(id)));
    const frame = cities.filter((c) => touched.has(countryOf.get(c.id))).map((c) => c.id);
    const map = editorMap(asset, { label: 'Route map: activate a city to add it to the end of the route, or to take it off the route', countries, cities, route, frame, routePath: path, cityAction: 'Add to or remove from the route:' });
    return h('div', { class: 'map-box' }, h('p', { class: 'hint' }, 'Pick the route on the map: click cities in order (click a city on the route to take it off).'), map);
  }
  if (path.length === 1 && path[0] === 'cities') {
    const map = editorMap(asset, { label: 'City map: click a place in one of the scenario’s countries to add a city there', countries, cities, placeCities: true, region: cityRegion(asset, countries) });
    return h('div', { class: 'map-box' }, h('p', { class: 'hint' }, 'Click the map inside one of the scenario’s countries to add a city there (or use "Add a city" and type its coordinates).'), map);
  }
  return null;
}
