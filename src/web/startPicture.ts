// The start screen's map as a still picture: the region's countries in the map's own colours,
// framed on the default scenario's contested countries with a margin (the map reaches from
// the Aegean to China: the whole of it would leave Central Asia small), drawn as SVG from
// the map's shapes. Phaser (~350 KB gzip, ~200 ms of one task to evaluate,
// ~800 ms on Lighthouse's phone: the page's main cost at start) comes with the first game
// (main.ts); before one nothing on the map moves or can be chosen anyway.
import mapAsset from '../../assets/map/central-asia.json';
import type { MapAsset } from '../map/mapAsset';
import { CONTEXT } from '../map/palette';

const SVG = 'http://www.w3.org/2000/svg';
/** The map scene's background and context outline (src/web/startMap.ts, src/scenes/MapScene.ts). */
const SEA = '#0d2535';
const OUTLINE = '#1b2630';

/** Share of the framed countries' size kept as a margin on each side. */
const MARGIN = 0.12;

/** The box (map px) around the shapes of `mapIds`, with a margin; the whole map if none is on it. */
export function pictureFrame(asset: MapAsset, mapIds: readonly string[]): { x: number; y: number; w: number; h: number } {
  const wanted = new Set(mapIds);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const country of asset.countries) {
    if (!wanted.has(country.mapId)) continue;
    for (const ring of country.rings)
      for (let i = 0; i + 1 < ring.length; i += 2) {
        const [x, y] = [ring[i] as number, ring[i + 1] as number];
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      }
  }
  if (!(x1 > x0 && y1 > y0)) return { x: 0, y: 0, w: asset.width, h: asset.height };
  const [mx, my] = [(x1 - x0) * MARGIN, (y1 - y0) * MARGIN];
  return { x: x0 - mx, y: y0 - my, w: x1 - x0 + 2 * mx, h: y1 - y0 + 2 * my };
}

/** Shows the picture in `mapRoot`, framed on the countries `mapIds` (the default scenario's contested ones). */
export function showStartPicture(mapRoot: HTMLElement, mapIds: readonly string[]): void {
  const asset = mapAsset as MapAsset;
  const f = pictureFrame(asset, mapIds);
  const stage = document.createElement('div');
  stage.className = 'map-stage';
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `${f.x} ${f.y} ${f.w} ${f.h}`);
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('style', `display: block; width: 100%; height: 100%; background: ${SEA}`);
  svg.setAttribute('fill', CONTEXT);
  svg.setAttribute('stroke', OUTLINE);
  svg.setAttribute('stroke-width', '1');
  svg.setAttribute('stroke-linejoin', 'round');
  // A path per ring, filled then outlined in turn, as the map scene draws them.
  for (const country of asset.countries)
    for (const ring of country.rings) {
      const path = document.createElementNS(SVG, 'path');
      let d = '';
      for (let i = 0; i < ring.length; i += 2) d += `${i === 0 ? 'M' : 'L'}${ring[i]} ${ring[i + 1]}`;
      path.setAttribute('d', `${d}Z`);
      svg.append(path);
    }
  stage.append(svg);
  mapRoot.replaceChildren(stage);
  document.body.dataset.ready = 'picture';
}
