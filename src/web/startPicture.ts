// The start screen's map as a still picture: the region's countries in the map's own colours,
// framed on the chosen scenario's contested countries with a margin (the map reaches from
// the Aegean to China: the whole of it would leave Central Asia small), filled out to the
// box's proportions, drawn as SVG from the map's shapes. Choosing another scenario (a file
// of one's own, a Caucasus scenario) only moves the viewBox. Phaser (~350 KB gzip, ~200 ms of one task to evaluate,
// ~800 ms on Lighthouse's phone: the page's main cost at start) comes with the first game
// (main.ts); before one nothing on the map moves or can be chosen anyway.
import mapAsset from '../../assets/map/central-asia.json';
import type { MapAsset } from '../map/mapAsset';
import { CONTEXT } from '../map/palette';
import type { Box } from '../map/fill';
import { fillView } from '../map/fill';

const SVG = 'http://www.w3.org/2000/svg';
/** The map scene's background and context outline (src/web/startMap.ts, src/scenes/MapScene.ts). */
const SEA = '#0d2535';
const OUTLINE = '#1b2630';

/** Share of the framed countries' size kept as a margin on each side. */
const MARGIN = 0.12;

/**
 * The box (map px) around the shapes of `mapIds`; null if none of them is on the map. Plain
 * numbers, no pair arrays: this runs once or twice per picture, never warm enough to be
 * optimised, and taking each point as an array was ~20 ms per call on Lighthouse's phone.
 */
function boundsOf(asset: MapAsset, mapIds: readonly string[]): Box | null {
  const wanted = new Set(mapIds);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const country of asset.countries) {
    if (!wanted.has(country.mapId)) continue;
    for (const ring of country.rings)
      for (let i = 0; i + 1 < ring.length; i += 2) {
        const x = ring[i] as number;
        const y = ring[i + 1] as number;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  }
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

/** The frame around the countries' box `b`, with a margin; the whole map if there is none. */
function frameAround(asset: MapAsset, b: Box | null): Box {
  if (!b) return { x: 0, y: 0, w: asset.width, h: asset.height };
  const [mx, my] = [b.w * MARGIN, b.h * MARGIN];
  return { x: b.x - mx, y: b.y - my, w: b.w + 2 * mx, h: b.h + 2 * my };
}

/** The box (map px) around the shapes of `mapIds`, with a margin; the whole map if none is on it. */
export function pictureFrame(asset: MapAsset, mapIds: readonly string[]): Box {
  return frameAround(asset, boundsOf(asset, mapIds));
}

/**
 * What a `boxW`×`boxH` picture shows: the frame of `mapIds` filled out to the box's
 * proportions within the map (src/map/fill.ts), so a nearly square box (a projector's map
 * column) shows more of the map north and south rather than bands of sea past its edges.
 */
export function pictureView(asset: MapAsset, mapIds: readonly string[], boxW: number, boxH: number): Box {
  const bounds = boundsOf(asset, mapIds);
  const frame = frameAround(asset, bounds);
  return fillView(asset.width, asset.height, frame, bounds ?? frame, boxW, boxH);
}

/** The start screen's picture, once shown: `frame` turns it to another scenario's countries. */
export interface StartPicture {
  frame(mapIds: readonly string[]): void;
}

/** Shows the picture in `mapRoot`, framed on the countries `mapIds` (the chosen scenario's contested ones). */
export function showStartPicture(mapRoot: HTMLElement, mapIds: readonly string[]): StartPicture {
  const asset = mapAsset as MapAsset;
  let framed = [...mapIds];
  const stage = document.createElement('div');
  stage.className = 'map-stage';
  const svg = document.createElementNS(SVG, 'svg');
  // Only the viewBox changes with the scenario or the box: the shapes are drawn once.
  const reframe = (): void => {
    const v = pictureView(asset, framed, stage.clientWidth, stage.clientHeight);
    svg.setAttribute('viewBox', `${v.x} ${v.y} ${v.w} ${v.h}`);
    // For the browser tests: which countries the picture frames.
    svg.dataset.framed = framed.join(' ');
  };
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('style', `display: block; width: 100%; height: 100%; background: ${SEA}`);
  svg.setAttribute('fill', CONTEXT);
  svg.setAttribute('stroke', OUTLINE);
  svg.setAttribute('stroke-width', '1');
  svg.setAttribute('stroke-linejoin', 'round');
  // A path per ring, filled then outlined in turn, as the map scene draws them. A ring is a
  // flat list of x, y: after a moveto, SVG takes further pairs as linetos, so the list joined
  // is the path (building "L x y" point by point was most of the picture's ~100 ms task on a
  // phone, for 12,000 points).
  for (const country of asset.countries)
    for (const ring of country.rings) {
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', `M${ring.join(' ')}Z`);
      svg.append(path);
    }
  stage.append(svg);
  // Filled out to the box's proportions once the box is laid out: the observer's first call
  // comes after layout and before the first paint, so measuring there forces no extra layout.
  const f = pictureFrame(asset, framed);
  svg.setAttribute('viewBox', `${f.x} ${f.y} ${f.w} ${f.h}`);
  mapRoot.replaceChildren(stage);
  // A phone turned, the projector view's wider panel: the box changes, the frame follows.
  const resized = new ResizeObserver(() => {
    if (!stage.isConnected) resized.disconnect();
    else reframe();
  });
  resized.observe(stage);
  document.body.dataset.ready = 'picture';
  return {
    frame(next) {
      if (next.join(' ') === framed.join(' ')) return;
      framed = [...next];
      reframe();
    },
  };
}
