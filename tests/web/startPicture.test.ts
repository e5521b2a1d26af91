// The start screen's still picture frames the chosen scenario's contested countries (with a
// margin), not the whole map, which reaches from the Aegean to China, and fills its box.
import { describe, expect, it } from 'vitest';
import mapAsset from '../../assets/map/central-asia.json';
import type { MapAsset } from '../../src/map/mapAsset';
import { pictureFrame, pictureView } from '../../src/web/startPicture';

const asset = mapAsset as MapAsset;
const boundsOf = (mapId: string): { x0: number; y0: number; x1: number; y1: number } => {
  const rings = asset.countries.find((c) => c.mapId === mapId)?.rings ?? [];
  const xs = rings.flatMap((r) => r.filter((_, i) => i % 2 === 0));
  const ys = rings.flatMap((r) => r.filter((_, i) => i % 2 === 1));
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
};

describe('the start picture’s frame', () => {
  const five = ['398', '417', '762', '860', '795']; // Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan, Turkmenistan

  it('holds every framed country with a margin, and is smaller than the whole map', () => {
    const f = pictureFrame(asset, five);
    for (const id of five) {
      const b = boundsOf(id);
      expect(b.x0, id).toBeGreaterThan(f.x);
      expect(b.y0, id).toBeGreaterThan(f.y);
      expect(b.x1, id).toBeLessThan(f.x + f.w);
      expect(b.y1, id).toBeLessThan(f.y + f.h);
    }
    expect(f.w).toBeLessThan(asset.width * 0.75);
  });

  it('shows the whole map when none of the countries is on it (an id as a name, not a key)', () => {
    expect(pictureFrame(asset, ['constructor', 'nowhere'])).toEqual({ x: 0, y: 0, w: asset.width, h: asset.height });
    expect(pictureFrame(asset, [])).toEqual({ x: 0, y: 0, w: asset.width, h: asset.height });
  });

  it('frames another scenario’s countries when it is chosen: a Caucasus scenario’s, not Central Asia', () => {
    const caucasus = ['268', '031', '051']; // Georgia, Azerbaijan, Armenia
    const v = pictureView(asset, caucasus, 1000, 700);
    for (const id of caucasus) {
      const b = boundsOf(id);
      expect(b.x0 >= v.x && b.y0 >= v.y && b.x1 <= v.x + v.w && b.y1 <= v.y + v.h, id).toBe(true);
    }
    // A close-up centred on the Caucasus: Central Asia (most of Kazakhstan) is out of it.
    const [g, a] = [boundsOf('268'), boundsOf('031')];
    const [cx, cy] = [v.x + v.w / 2, v.y + v.h / 2];
    expect(cx > g.x0 && cx < a.x1 && cy > g.y0 && cy < a.y1).toBe(true);
    expect(boundsOf('398').x1).toBeGreaterThan(v.x + v.w + 500);
    expect(v.w).toBeLessThan(asset.width / 3);
    expect(v.w / v.h).toBeCloseTo(1000 / 700, 9);
  });

  it('fills a projector’s nearly square map column (960×1080) with map: no band of sea past the map’s top or foot', () => {
    const v = pictureView(asset, five, 960, 1080);
    expect(v.w / v.h).toBeCloseTo(960 / 1080, 9);
    expect(v.y).toBeGreaterThanOrEqual(0);
    expect(v.y + v.h).toBeLessThanOrEqual(asset.height);
    for (const id of five) {
      const b = boundsOf(id);
      expect(b.x0 >= v.x && b.x1 <= v.x + v.w, id).toBe(true);
    }
  });

  it('a scenario wholly off the map (a file of one’s own) keeps the whole map in view', () => {
    const v = pictureView(asset, ['nowhere'], 1400, 700);
    expect(v.x).toBeLessThanOrEqual(0);
    expect(v.x + v.w).toBeGreaterThanOrEqual(asset.width);
    expect(v.y).toBeLessThanOrEqual(0);
    expect(v.y + v.h).toBeGreaterThanOrEqual(asset.height);
  });
});
