// How players see what a scenario rests on: a source as outlet, date and title (never
// its id), and an item's basis as the article that reports it or as an illustrative
// assumption with its reason.
import type { Basis, EventBasis, Scenario } from '../engine';
import { describeSource, formatPartialDate, groundingReport } from '../engine';
import { Fragment } from 'preact';

export function sourceLine(s: Scenario, id: string): string {
  const source = s.sources.find((x) => x.id === id);
  return source ? describeSource(source) : 'an unlisted source';
}

/** "Reported: The Guardian, July 2024: “…”" or "Illustrative assumption, not reported: …". */
export function basisLine(s: Scenario, basis: Basis | EventBasis): string {
  return basis.kind === 'reported' ? `Reported: ${sourceLine(s, basis.source)}` : `Illustrative assumption, not reported: ${basis.reason}`;
}

/** The scenario's grounding report as a folded section: what rests on each article, and every assumption. */
export function Grounding({ scenario: s }: { scenario: Scenario }) {
  const g = groundingReport(s);
  const used = g.sources.filter((x) => x.uses.length > 0);
  const c = g.calendar;
  return (
    <details class="grounding">
      <summary>{`What this scenario rests on: ${used.length} article${used.length === 1 ? '' : 's'}, ${g.assumptions.length} illustrative assumption${g.assumptions.length === 1 ? '' : 's'}`}</summary>
      {used.map((x) => (
        <Fragment key={x.label}>
          <h4>{x.label}</h4>
          <ul>
            {x.uses.map((u, i) => (
              <li key={i}>{`${u.what}: ${u.note}`}</li>
            ))}
          </ul>
        </Fragment>
      ))}
      <h4>Illustrative assumptions, not reported</h4>
      {g.assumptions.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {g.assumptions.map((a, i) => (
            <li key={i}>{`${a.what}: ${a.reason}`}</li>
          ))}
        </ul>
      )}
      <p class="summary">{`The reporting ends ${formatPartialDate(c.reportingEnds)}; the scenario's own turns end ${formatPartialDate(c.lastTurn)}.${c.whatIfEnds ? ` Its "what if" continuation imagines the months to ${formatPartialDate(c.whatIfEnds)}.` : ''}`}</p>
    </details>
  );
}
