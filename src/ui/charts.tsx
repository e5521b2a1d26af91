// Debrief charts: each contested country's influence per power, turn by turn, drawn as
// SVG lines with a text summary (for screen readers and for those who cannot tell the
// colours apart).
import type { Scenario, TurnReport } from '../engine';
import { influenceSeries } from '../engine';

// The series are the engine's (series.ts), shared with the class's printed debrief.
export { influenceSeries };

export function InfluenceChart({ scenario: s, reports, country }: { scenario: Scenario; reports: readonly TurnReport[]; country: string }) {
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
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Influence in ${name} over the game: ${summary}`} class="chart">
      <path d={`M${pad},${pad} V${height - pad} H${width - pad}`} stroke="#8795a3" fill="none" />
      {(
        [
          ['100', 100],
          ['0', 0],
        ] as const
      ).map(([label, v]) => (
        <text key={label} x="2" y={String(y(v) + 4)} fill="#c3ccd6" font-size="10">
          {label}
        </text>
      ))}
      {s.powers.map((p, k) => (
        // Dashes tell the powers apart without colour.
        <polyline key={p.id} points={(series.get(p.id) ?? []).map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')} fill="none" stroke={p.color} stroke-width="2.5" stroke-dasharray={k % 2 === 1 ? '6 3' : undefined} />
      ))}
    </svg>
  );
}
