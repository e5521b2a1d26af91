// Hatching clipped to a country's shape: the segments of parallel lines that lie inside its
// rings (even–odd, holes are rings too), so a 2D canvas draws a pattern without a clip mask.

/**
 * Segments [x0, y0, x1, y1] of lines at `angleDeg` (0 = horizontal, 45 = rising to the right
 * on screen, where y grows downwards), `spacing` apart, inside `rings` (flat [x0, y0, x1, y1, …]).
 * Lines sit on a grid fixed to the map (not to the shape), so neighbours' hatching lines up.
 */
export function hatchSegments(rings: readonly (readonly number[])[], angleDeg: number, spacing: number): [number, number, number, number][] {
  const t = (angleDeg * Math.PI) / 180;
  // Direction along the line (screen y down: rising means y decreases) and its normal.
  const dx = Math.cos(t);
  const dy = -Math.sin(t);
  const nx = -dy;
  const ny = dx;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rings)
    for (let i = 0; i < r.length; i += 2) {
      const d = (r[i] as number) * nx + (r[i + 1] as number) * ny;
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
  const out: [number, number, number, number][] = [];
  if (!(spacing > 0) || !Number.isFinite(lo)) return out;
  // Lines at half-steps of the grid: a shape's straight edges (the map frame's, a test's square) fall between them.
  for (let k = Math.ceil(lo / spacing - 0.5); (k + 0.5) * spacing <= hi; k++) {
    const c = (k + 0.5) * spacing;
    // Where each edge crosses the line n·p = c, as a position along the line.
    const along: number[] = [];
    for (const r of rings) {
      for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
        const ax = r[j] as number;
        const ay = r[j + 1] as number;
        const bx = r[i] as number;
        const by = r[i + 1] as number;
        const da = ax * nx + ay * ny - c;
        const db = bx * nx + by * ny - c;
        // Half-open, so a vertex on the line counts once.
        if (da < 0 === db < 0) continue;
        const s = da / (da - db);
        const x = ax + (bx - ax) * s;
        const y = ay + (by - ay) * s;
        along.push(x * dx + y * dy);
      }
    }
    along.sort((a, b) => a - b);
    for (let i = 0; i + 1 < along.length; i += 2) {
      const u0 = along[i] as number;
      const u1 = along[i + 1] as number;
      if (u1 - u0 < 1e-9) continue;
      out.push([c * nx + u0 * dx, c * ny + u0 * dy, c * nx + u1 * dx, c * ny + u1 * dy]);
    }
  }
  return out;
}
