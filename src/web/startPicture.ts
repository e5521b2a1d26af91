// The start screen's map as a still picture: the region's countries in the map's own colours
// and framing (the whole map fitted and centred, as the map scene frames it with no game),
// drawn as SVG from the map's shapes. Phaser (~350 KB gzip, ~200 ms of one task to evaluate,
// ~800 ms on Lighthouse's phone: the page's main cost at start) comes with the first game
// (main.ts); before one nothing on the map moves or can be chosen anyway.
import mapAsset from '../../assets/map/central-asia.json';
import type { MapAsset } from '../map/mapAsset';
import { CONTEXT } from '../map/palette';

const SVG = 'http://www.w3.org/2000/svg';
/** The map scene's background and context outline (src/web/startMap.ts, src/scenes/MapScene.ts). */
const SEA = '#0d2535';
const OUTLINE = '#1b2630';

/** Shows the picture in `mapRoot`, in a stage shaped as the map's (index.html). */
export function showStartPicture(mapRoot: HTMLElement): void {
  const asset = mapAsset as MapAsset;
  const stage = document.createElement('div');
  stage.className = 'map-stage';
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${asset.width} ${asset.height}`);
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
