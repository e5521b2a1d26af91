// A frame shown in a box of other proportions fills the box with map, not with bands of sea
// past the map's edges (the projector's nearly square map column, issue 11), keeping what
// it is about whole.
import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/map/fill';
import { fillView } from '../../src/map/fill';

const MAP = { w: 1770, h: 1000 };
const holds = (outer: Box, inner: Box): boolean => outer.x <= inner.x + 1e-9 && outer.y <= inner.y + 1e-9 && outer.x + outer.w >= inner.x + inner.w - 1e-9 && outer.y + outer.h >= inner.y + inner.h - 1e-9;
const withinMap = (b: Box): boolean => holds({ x: 0, y: 0, w: MAP.w, h: MAP.h }, b);

describe('fillView', () => {
  const core = { x: 700, y: 300, w: 600, h: 350 };
  const frame = { x: 650, y: 260, w: 700, h: 430 };

  it('grows the frame to the box’s proportions, centred on it, within the map', () => {
    const v = fillView(MAP.w, MAP.h, frame, core, 900, 900);
    expect(v.w / v.h).toBeCloseTo(1, 9);
    expect(v.w).toBeCloseTo(700, 9); // wide frame: its width kept, more shown north and south
    expect(holds(v, frame)).toBe(true);
    expect(withinMap(v)).toBe(true);
    expect(v.x + v.w / 2).toBeCloseTo(frame.x + frame.w / 2, 9);
  });

  it('at a projector’s map column (960×1005) gives up the frame’s margin rather than show past the map’s foot', () => {
    // A frame nearly the map's width: grown whole to a square it would be taller than the map.
    const wide = { x: 0, y: 0, w: 1100, h: 700 };
    const v = fillView(MAP.w, MAP.h, wide, core, 960, 1005);
    expect(v.w / v.h).toBeCloseTo(960 / 1005, 9);
    expect(withinMap(v)).toBe(true);
    expect(v.h).toBeCloseTo(MAP.h, 9);
    expect(holds(v, core)).toBe(true);
    expect(v.w).toBeLessThan(wide.w);
  });

  it('keeps the core whole and in sight even when that means reaching past the map', () => {
    const tallCore = { x: 1500, y: 100, w: 260, h: 800 };
    const v = fillView(MAP.w, MAP.h, tallCore, tallCore, 1600, 400);
    expect(holds(v, tallCore)).toBe(true);
    expect(v.w / v.h).toBeCloseTo(4, 9);
    expect(v.x + v.w).toBeGreaterThan(MAP.w); // beyond the map's east edge: unavoidable
  });

  it('keeps a whole-map frame whole (a scenario off the map), centred', () => {
    const whole = { x: 0, y: 0, w: MAP.w, h: MAP.h };
    const v = fillView(MAP.w, MAP.h, whole, whole, 960, 1080);
    expect(holds(v, whole)).toBe(true);
    expect(v.w).toBeCloseTo(MAP.w, 9);
    expect(v.y + v.h / 2).toBeCloseTo(MAP.h / 2, 9);
  });

  it('a frame reaching past the map’s top (to clear the zoom buttons) stays whole when the view holds it', () => {
    const lifted = { x: 200, y: -10, w: 540, h: 740 };
    const v = fillView(MAP.w, MAP.h, lifted, { x: 480, y: 400, w: 200, h: 200 }, 360, 355);
    expect(holds(v, lifted)).toBe(true);
    expect(v.y).toBeCloseTo(-10, 9);
  });

  it('returns the frame for a box not laid out yet', () => {
    expect(fillView(MAP.w, MAP.h, frame, core, 0, 500)).toEqual(frame);
  });
});
