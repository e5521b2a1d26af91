// The map's colours and the second cue beside them. A country a power leads is tinted in
// the power's colour over the sand of a country nobody leads, and hatched in the power's
// own pattern, so who leads reads without colour (the label says it in words as well).
// The tints are the scenario's colours unless they would be hard to tell apart, from each
// other or from the map around them, for someone with a colour vision deficiency; then the
// renderer derives tints that can be (same hue where it can: lighter or darker first).
import type { Rgb, Vision } from './colourVision';
import { VISIONS, blend, difference, fromLab, parseHex, toHex, toLab } from './colourVision';

/** A contested country nobody leads (sand). */
export const NEUTRAL = '#b9a77c';
/** Countries outside the game. */
export const CONTEXT = '#4a5661';
/** The sea and beyond the map. */
export const BACKGROUND = '#0d2535';
/** The dark line under every route, so a route reads over a country tinted in its own colour. */
export const ROUTE_CASING = '#10151c';
/** The hatching's lines. */
export const HATCH = '#10151c';

/** The tint's opacity over the sand: the least lead, and a lead that scores (control). */
export const WEAKEST_ALPHA = 0.3 + 1 / 30;
export const CONTROL_ALPHA = 0.85;
/** Opacity for a lead of `lead` points (stronger the larger the lead; full once it scores). */
export const fillAlpha = (lead: number, scoring: boolean): number => (scoring ? CONTROL_ALPHA : Math.min(0.6, 0.3 + lead / 30));

/**
 * The least CIEDE2000 difference the map holds to, with every kind of vision (normal,
 * protanopia, deuteranopia, tritanopia): between two powers' tints at the least lead and at
 * control, and between a power's tint at control and the map's sand, context countries and sea.
 */
export const MIN_APART = { weakest: 10, control: 20, surroundings: 10 } as const;

/** Hatching, one pattern per power in scenario order: line angles in degrees (0 = horizontal, 45 = rising to the right). */
export const PATTERNS: readonly { name: string; angles: readonly number[] }[] = [
  { name: 'lines rising to the right (/)', angles: [45] },
  { name: 'lines falling to the right (\\)', angles: [135] },
  { name: 'horizontal lines (–)', angles: [0] },
  { name: 'vertical lines (|)', angles: [90] },
  { name: 'a diagonal grid (×)', angles: [45, 135] },
  { name: 'a square grid (+)', angles: [0, 90] },
];
export const patternOf = (index: number): { name: string; angles: readonly number[] } => PATTERNS[index % PATTERNS.length] ?? { name: 'lines', angles: [45] };

export interface PaletteProblem {
  what: string;
  vision: Vision;
  apart: number;
  needed: number;
}

/** The pairs a palette is checked on: each tint against what surrounds it, and each pair of tints. */
function* checks(tints: readonly string[], onlyLast = false): Generator<[string, Rgb, Rgb, number]> {
  const sand = parseHex(NEUTRAL);
  const around: [string, Rgb][] = [
    ['the sand of a country nobody leads', sand],
    ['a country outside the game', parseHex(CONTEXT)],
    ['the sea', parseHex(BACKGROUND)],
  ];
  const rgb = tints.map(parseHex);
  for (let i = onlyLast ? rgb.length - 1 : 0; i < rgb.length; i++) {
    const p = rgb[i] as Rgb;
    for (const [name, c] of around) yield [`${tints[i]} at control against ${name}`, blend(sand, p, CONTROL_ALPHA), c, MIN_APART.surroundings];
    for (let j = 0; j < (onlyLast ? i : rgb.length); j++) {
      if (!onlyLast && j <= i) continue;
      const q = rgb[j] as Rgb;
      yield [`${tints[i]} and ${tints[j]} at the least lead`, blend(sand, p, WEAKEST_ALPHA), blend(sand, q, WEAKEST_ALPHA), MIN_APART.weakest];
      yield [`${tints[i]} and ${tints[j]} at control`, blend(sand, p, CONTROL_ALPHA), blend(sand, q, CONTROL_ALPHA), MIN_APART.control];
    }
  }
}

/** Every way the tints fall short of MIN_APART (none for a palette the map keeps). `onlyLast`: only the checks the last tint takes part in. */
export function paletteProblems(tints: readonly string[], onlyLast = false): PaletteProblem[] {
  const out: PaletteProblem[] = [];
  for (const [what, x, y, needed] of checks(tints, onlyLast))
    for (const vision of VISIONS) {
      const apart = difference(x, y, vision);
      if (apart < needed) out.push({ what, vision, apart, needed });
    }
  return out;
}

/** Okabe & Ito's palette for colour-blind readers: the tints tried when a colour's own lighter and darker shades will not do. */
const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442', '#000000'];

/** The colour, then its shades by lightness (CIELAB L ± 8, 16…), nearest first. */
function shades(color: string): string[] {
  const [L, a, b] = toLab(parseHex(color));
  const out = [color];
  for (let d = 8; d <= 48; d += 8) for (const s of [-d, d]) if (L + s > 5 && L + s < 95) out.push(toHex(fromLab([L + s, a, b])));
  return out;
}

/**
 * The map's tint for each power: its own colour when the palette passes, else, power by
 * power in order, the nearest shade of its colour that keeps the palette so far apart, else an
 * Okabe–Ito colour (or its shade) that does; if nothing does, the candidate that falls short least.
 */
export function mapTints(colors: readonly string[]): string[] {
  const own = colors.map((c) => (/^#[0-9a-fA-F]{6}$/.test(c) ? c.toLowerCase() : '#8795a3'));
  if (paletteProblems(own).length === 0) return own;
  const chosen: string[] = [];
  for (const c of own) {
    const candidates = [...shades(c), ...OKABE_ITO.flatMap(shades)].filter((x) => !chosen.includes(x));
    // Only the checks the new tint takes part in: the ones before it were settled already.
    const shortfall = (x: string): number => paletteProblems([...chosen, x], true).reduce((s, p) => s + (p.needed - p.apart), 0);
    let best = c;
    let least = Infinity;
    for (const x of candidates) {
      const short = shortfall(x);
      if (short < least) [best, least] = [x, short];
      if (short === 0) break;
    }
    chosen.push(best);
  }
  return chosen;
}
