// Debrief charts: each contested country's influence per power, turn by turn, drawn as
// SVG lines with a text summary (for screen readers and for those who cannot tell the
// colours apart).
import type { Scenario, TurnReport } from '../engine';
import { own } from '../engine';

const SVG = 'http://www.w3.org/2000/svg';

/** Influence of each power in `country` after each turn (index 0 = the start), by power id (a Map: ids are data). */
export function influenceSeries(s: Scenario, reports: readonly TurnReport[], country: string): Map<string, number[]> {
  const def = s.countries.find((c) => c.id === country);
  const start = def && def.role === 'contested' ? def.influence : undefined;
  const series = new Map<string, number[]>();
  const current = new Map<string, number>();
  for (const p of s.powers) {
    current.set(p.id, own(start, p.id) ?? 0);
    series.set(p.id, [current.get(p.id) ?? 0]);
  }
  for (const r of reports) {
    for (const c of r.changes) if (c.country === country && c.power !== undefined && c.path === `countries.${country}.influence.${c.power}`) current.set(c.power, Number(c.to));
    for (const p of s.powers) series.get(p.id)?.push(current.get(p.id) ?? 0);
  }
  return series;
}

export function influenceChart(s: Scenario, reports: readonly TurnReport[], country: string): SVGSVGElement {
  const series = influenceSeries(s, reports, country);
  const width = 320;
  const height = 120;
  const pad = 22;
  const turns = Math.max(1, reports.length);
  const x = (i: number): number => pad + ((width - 2 * pad) * i) / turns;
  const y = (v: number): number => height - pad - ((height - 2 * pad) * v) / 100;
  const name = s.countries.find((c) => c.id === country)?.name ?? country;
  const summary = s.powers
    .map((p) => {
      const values = series.get(p.id) ?? [];
      return `${p.name} ${values[0] ?? 0} → ${values[values.length - 1] ?? 0}`;
    })
    .join(', ');
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Influence in ${name} over the game: ${summary}`);
  svg.classList.add('chart');
  const axis = document.createElementNS(SVG, 'path');
  axis.setAttribute('d', `M${pad},${pad} V${height - pad} H${width - pad}`);
  axis.setAttribute('stroke', '#8795a3');
  axis.setAttribute('fill', 'none');
  svg.append(axis);
  for (const [label, v] of [['100', 100], ['0', 0]] as const) {
    const t = document.createElementNS(SVG, 'text');
    t.setAttribute('x', '2');
    t.setAttribute('y', String(y(v) + 4));
    t.setAttribute('fill', '#c3ccd6');
    t.setAttribute('font-size', '10');
    t.textContent = label;
    svg.append(t);
  }
  s.powers.forEach((p, k) => {
    const values = series.get(p.id) ?? [];
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', p.color);
    line.setAttribute('stroke-width', '2.5');
    // Dashes tell the powers apart without colour.
    if (k % 2 === 1) line.setAttribute('stroke-dasharray', '6 3');
    svg.append(line);
  });
  return svg;
}
