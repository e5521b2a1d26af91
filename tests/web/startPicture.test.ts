// The start screen's still picture frames the default scenario's contested countries (with a
// margin), not the whole map, which reaches from the Aegean to China.
import { describe, expect, it } from 'vitest';
import mapAsset from '../../assets/map/central-asia.json';
import type { MapAsset } from '../../src/map/mapAsset';
import { pictureFrame } from '../../src/web/startPicture';

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
});
