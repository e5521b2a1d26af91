// The turn report's headline (issue 11, item 2): per country the net change of each power,
// who holds it and who scored there, then the points; the full list of causes stays below,
// folded. Built by the engine's summarizeTurn from the report and the state after the turn.
import type { Scenario, StateLike, TurnReport } from '../engine';
import { describeCountrySummary, pointsText, summarizeTurn } from '../engine';

export function ReportSummary({ scenario: s, report, after }: { scenario: Scenario; report: TurnReport; after: StateLike }) {
  const sum = summarizeTurn(s, report, after);
  const name = (p: string): string => s.powers.find((x) => x.id === p)?.name ?? p;
  return (
    <div class="report-summary" data-testid="report-summary">
      <p class="points-line">
        {sum.powers
          .map((p) => {
            const gained = p.points.to - p.points.from;
            return `${name(p.power)} ${pointsText(p.points.to)} (${gained >= 0 ? '+' : '−'}${Math.abs(gained)} this turn)`;
          })
          .join(' · ')}
      </p>
      <ul>
        {sum.countries.map((c) => (
          <li key={c.country}>{describeCountrySummary(s, c)}</li>
        ))}
      </ul>
      {sum.events.length > 0 && <p>{`Events: ${sum.events.map((e) => e.title).join('; ')}.`}</p>}
    </div>
  );
}
