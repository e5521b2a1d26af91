// Colour as people with a colour vision deficiency see it, and how far apart two colours
// look: pure arithmetic, no DOM. The map checks its palette with it (src/map/palette.ts) and
// tests/map/palette.test.ts holds every shipped scenario's powers to it.
//
// Simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for
// simulation of color vision deficiency", the matrices for severity 1.0 (dichromacy),
// applied to linear RGB. Difference: CIEDE2000 in CIELAB (D65).

export type Rgb = readonly [number, number, number];
export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

type Matrix = readonly [Rgb, Rgb, Rgb];
const MACHADO: Readonly<Record<Exclude<Vision, 'normal'>, Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** "#rrggbb" → sRGB 0–255. */
export function parseHex(color: string): Rgb {
  const n = Number.parseInt(color.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex(c: Rgb): string {
  return `#${c.map((x) => Math.round(Math.min(255, Math.max(0, x))).toString(16).padStart(2, '0')).join('')}`;
}

const toLinear = (v: number): number => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (c: number): number => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** The colour as seen with `vision` (sRGB 0–255). */
export function simulate(c: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return c;
  const lin = c.map(toLinear) as unknown as Rgb;
  const m = MACHADO[vision];
  const row = (r: Rgb): number => fromLinear(clamp01(r[0] * lin[0] + r[1] * lin[1] + r[2] * lin[2]));
  return [row(m[0]), row(m[1]), row(m[2])];
}

/** `top` painted at `alpha` over `under` (as a 2D canvas blends, in sRGB). */
export function blend(under: Rgb, top: Rgb, alpha: number): Rgb {
  return [under[0] + (top[0] - under[0]) * alpha, under[1] + (top[1] - under[1]) * alpha, under[2] + (top[2] - under[2]) * alpha];
}

export type Lab = readonly [number, number, number];

export function toLab(c: Rgb): Lab {
  const [r, g, b] = c.map(toLinear) as unknown as Rgb;
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number): number => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

export function fromLab(lab: Lab): Rgb {
  const [L, a, bb] = lab;
  const fy = (L + 16) / 116;
  const fx = fy + a / 500;
  const fz = fy - bb / 200;
  const inv = (t: number): number => (t > 6 / 29 ? t ** 3 : 3 * (6 / 29) ** 2 * (t - 4 / 29));
  const x = inv(fx) * 0.95047;
  const y = inv(fy);
  const z = inv(fz) * 1.08883;
  const r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  const g = -0.969266 * x + 1.8760108 * y + 0.041556 * z;
  const b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  return [fromLinear(clamp01(r)), fromLinear(clamp01(g)), fromLinear(clamp01(b))];
}

const RAD = Math.PI / 180;

/** CIEDE2000 colour difference (about 2.3 is just noticeable; 10+ tells apart at a glance). */
export function deltaE2000(p: Lab, q: Lab): number {
  const [L1, a1, b1] = p;
  const [L2, a2, b2] = q;
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1 = Math.hypot(a1p, b1);
  const c2 = Math.hypot(a2p, b2);
  const hue = (b: number, a: number): number => (b === 0 && a === 0 ? 0 : (Math.atan2(b, a) / RAD + 360) % 360);
  const h1 = hue(b1, a1p);
  const h2 = hue(b2, a2p);
  const dL = L2 - L1;
  const dC = c2 - c1;
  let dh = 0;
  if (c1 * c2 !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh / 2) * RAD);
  const lBar = (L1 + L2) / 2;
  const cBarP = (c1 + c2) / 2;
  let hBar = h1 + h2;
  if (c1 * c2 !== 0) {
    if (Math.abs(h1 - h2) <= 180) hBar = (h1 + h2) / 2;
    else hBar = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  }
  const t = 1 - 0.17 * Math.cos((hBar - 30) * RAD) + 0.24 * Math.cos(2 * hBar * RAD) + 0.32 * Math.cos((3 * hBar + 6) * RAD) - 0.2 * Math.cos((4 * hBar - 63) * RAD);
  const dTheta = 30 * Math.exp(-(((hBar - 275) / 25) ** 2));
  const rC = 2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7));
  const sL = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sC = 1 + 0.045 * cBarP;
  const sH = 1 + 0.015 * cBarP * t;
  const rT = -Math.sin(2 * dTheta * RAD) * rC;
  return Math.sqrt((dL / sL) ** 2 + (dC / sC) ** 2 + (dH / sH) ** 2 + rT * (dC / sC) * (dH / sH));
}

/** Colours as seen, by vision and colour (palette searches ask for the same few colours many times). */
const seenCache = new Map<string, Lab>();

/** The colour as seen with `vision`, in CIELAB. */
export function seenLab(c: Rgb, vision: Vision): Lab {
  const key = `${vision}:${c[0]},${c[1]},${c[2]}`;
  let lab = seenCache.get(key);
  if (!lab) {
    if (seenCache.size > 20_000) seenCache.clear();
    lab = toLab(simulate(c, vision));
    seenCache.set(key, lab);
  }
  return lab;
}

/** How far apart two colours look with `vision` (CIEDE2000 of the simulated colours). */
export function difference(x: Rgb, y: Rgb, vision: Vision): number {
  return deltaE2000(seenLab(x, vision), seenLab(y, vision));
}
