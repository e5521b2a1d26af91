// The map reads without colour, and its colours read with any colour vision (issue 11):
// the simulation and colour difference, every shipped scenario's powers, the tints the
// renderer derives for a palette that would fail, and the hatching.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VISIONS, deltaE2000, difference, parseHex, simulate, toHex, toLab, fromLab } from '../../src/map/colourVision';
import { PATTERNS, mapTints, paletteProblems } from '../../src/map/palette';
import { hatchSegments } from '../../src/map/hatch';
import { containsPoint } from '../../src/map/mapAsset';

const dir = join(import.meta.dirname, '../../scenarios');
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .map((f) => [f, (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { powers: { color: string }[] }).powers.map((p) => p.color)] as const);

describe('colour vision', () => {
  it('CIEDE2000 matches Sharma, Wu & Dalal’s test data', () => {
    const pairs: [number, number, number, number, number, number, number][] = [
      [50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425],
      [50, 0, 0, 50, -1, 2, 2.3669],
      [50, 2.5, 0, 73, 25, -18, 27.1492],
      [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
      [22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373],
      [50, 2.5, 0, 50, 0, -2.5, 4.3065],
    ];
    for (const [l1, a1, b1, l2, a2, b2, want] of pairs) expect(deltaE2000([l1, a1, b1], [l2, a2, b2])).toBeCloseTo(want, 3);
  });

  it('simulates dichromacy: red and green merge for protanopes and deuteranopes, not for tritanopes; greys stay grey', () => {
    const red = parseHex('#d62728');
    const green = parseHex('#2ca02c');
    expect(difference(red, green, 'normal')).toBeGreaterThan(50);
    expect(difference(red, green, 'deuteranopia')).toBeLessThan(15);
    expect(difference(red, green, 'protanopia')).toBeLessThan(25);
    expect(difference(red, green, 'tritanopia')).toBeGreaterThan(30);
    for (const v of VISIONS) {
      const grey = simulate([128, 128, 128], v);
      for (const x of grey) expect(x).toBeCloseTo(128, -0.5);
    }
  });

  it('Lab round-trips', () => {
    for (const c of ['#c8102e', '#1f4e9c', '#b9a77c', '#0d2535']) expect(toHex(fromLab(toLab(parseHex(c))))).toBe(c);
  });
});

describe('the map palette', () => {
  it.each(shipped)('%s: its powers’ colours stay apart from each other and from the map, with every kind of vision', (_file, colors) => {
    expect(paletteProblems(colors)).toEqual([]);
    // So the renderer keeps them as they are.
    expect(mapTints(colors)).toEqual(colors.map((c) => c.toLowerCase()));
  });

  it.each([
    ['red and green', ['#d62728', '#2ca02c']],
    ['two blues', ['#1f4e9c', '#2a5aa8']],
    ['the sand itself', ['#b9a77c', '#c8102e']],
    ['six powers', ['#c8102e', '#1f4e9c', '#2ca02c', '#d62728', '#9467bd', '#8c564b']],
  ])('derives tints that pass for a palette that fails (%s)', (_what, colors) => {
    expect(paletteProblems(colors).length).toBeGreaterThan(0);
    const tints = mapTints(colors);
    expect(tints).toHaveLength(colors.length);
    if (colors.length <= 4) expect(paletteProblems(tints)).toEqual([]);
    // Never worse than the scenario's own colours.
    const short = (t: readonly string[]): number => paletteProblems(t).reduce((s, p) => s + p.needed - p.apart, 0);
    expect(short(tints)).toBeLessThan(short(colors));
    // The first power keeps its colour's hue where a shade of it will do.
    if (_what === 'red and green') expect(tints[0]).toBe('#d62728');
  });

  it('gives every power of a scenario (up to six) a pattern of its own', () => {
    expect(new Set(PATTERNS.map((p) => p.angles.join(','))).size).toBe(6);
  });
});

describe('hatching', () => {
  const square = [[0, 0, 100, 0, 100, 100, 0, 100]];
  const holed = [...square, [40, 40, 60, 40, 60, 60, 40, 60]];

  it('lies inside the shape, holes left out, at the angle asked', () => {
    for (const angle of [0, 45, 90, 135]) {
      const segs = hatchSegments(holed, angle, 10);
      expect(segs.length).toBeGreaterThan(5);
      for (const [x0, y0, x1, y1] of segs) {
        const mx = (x0 + x1) / 2;
        const my = (y0 + y1) / 2;
        expect(containsPoint(holed, mx, my)).toBe(true);
        if (angle === 0) expect(y0).toBeCloseTo(y1, 9);
        if (angle === 90) expect(x0).toBeCloseTo(x1, 9);
        // Rising to the right on screen (y down): y falls as x grows.
        if (angle === 45) expect(Math.sign(x1 - x0)).toBe(-Math.sign(y1 - y0));
        if (angle === 135) expect(Math.sign(x1 - x0)).toBe(Math.sign(y1 - y0));
      }
    }
  });

  it('covers the shape: the lines’ total length is about its area over the spacing', () => {
    for (const angle of [0, 45, 135]) {
      const total = hatchSegments(holed, angle, 5).reduce((s, [x0, y0, x1, y1]) => s + Math.hypot(x1 - x0, y1 - y0), 0);
      expect(total / ((100 * 100 - 20 * 20) / 5)).toBeGreaterThan(0.95);
      expect(total / ((100 * 100 - 20 * 20) / 5)).toBeLessThan(1.05);
    }
  });

  it('draws nothing for an empty shape or a bad spacing', () => {
    expect(hatchSegments([], 45, 10)).toEqual([]);
    expect(hatchSegments(square, 45, 0)).toEqual([]);
  });
});
