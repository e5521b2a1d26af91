// A frame shown in a box of other proportions: the map is wide (the Aegean to China) and a
// projector's map column, or a phone's, is nearly square, so a frame fitted whole leaves the
// sea colour in bands past the map's top and foot. The view grows the frame to the box's
// proportions within the map instead, and where the map is too short for that, gives up the
// frame's margin rather than leave bands, never the countries it is about.
// No imports: the start screen's picture (its own small chunk) uses it without d3-geo.

/** A box in map pixels (the same shape as frame.ts's `Frame`). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);

/**
 * The part of a `mapW`×`mapH` map that a `boxW`×`boxH` view shows: `frame` grown to the box's
 * proportions, centred on it, within the map; where the map is too short (or too narrow) to
 * hold that, cut down to the map's height (width) as far as `core` (what must stay whole,
 * inside `frame`) allows, and moved to keep `core` in sight. The view reaches past the map's
 * edge only where the frame itself does (and the view holds it), or `core` must.
 */
export function fillView(mapW: number, mapH: number, frame: Box, core: Box, boxW: number, boxH: number): Box {
  if (!(boxW > 0 && boxH > 0 && frame.w > 0 && frame.h > 0)) return frame;
  const aspect = boxW / boxH;
  let w = Math.max(frame.w, frame.h * aspect);
  let h = w / aspect;
  // Shrunk to lie within the map, but never below what holds the core whole.
  const scale = Math.max(Math.min(1, mapW / w, mapH / h), core.w / w, core.h / h);
  w *= scale;
  h *= scale;
  // Within the map first (where it fits), then the whole frame in sight if the view holds it
  // (a frame reaching past the map's top to clear the zoom buttons, MapScene), else the core:
  // a frame cut anyway is not worth a band past the map's edge.
  const keep = w >= frame.w && h >= frame.h ? frame : core;
  const place = (size: number, centre: number, from: number, to: number, mapSize: number): number => {
    const within = size <= mapSize ? clamp(centre - size / 2, 0, mapSize - size) : (mapSize - size) / 2;
    return clamp(within, from + to - size, from);
  };
  return { x: place(w, frame.x + frame.w / 2, keep.x, keep.w, mapW), y: place(h, frame.y + frame.h / 2, keep.y, keep.h, mapH), w, h };
}
