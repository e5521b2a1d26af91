// Role briefings (issue 11, item 3): the side's own briefing at the start of the game and on
// demand, and every role's briefing printed one per page for a class (the print stylesheet
// in index.html shows only `.print-briefings` on paper). Briefings are scenario text: shown
// as text, never as HTML.
import type { Scenario } from '../engine';

const roleName = (s: Scenario, role: string): string => s.powers.find((p) => p.id === role)?.name ?? s.countries.find((c) => c.id === role)?.name ?? role;

/** The briefing of `role` (a power), open at the start of the game, folded after. */
export function SideBriefing({ scenario: s, role, open }: { scenario: Scenario; role: string | null; open: boolean }) {
  const b = role === null ? undefined : s.briefings.find((x) => x.role === role);
  if (!b) return null;
  return (
    <details class="panel briefing" open={open} data-testid="side-briefing">
      <summary>{`Your briefing — ${b.title}`}</summary>
      {b.text.split(/\n+/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </details>
  );
}

/** A button that prints every role's briefing, and the pages it prints (hidden on screen). */
export function PrintBriefings({ scenario: s }: { scenario: Scenario }) {
  if (s.briefings.length === 0) return null;
  return (
    <>
      <button type="button" data-key="print-briefings" onClick={() => window.print()}>
        {`Print every role's briefing (${s.briefings.length} pages)`}
      </button>
      <div class="print-briefings" aria-hidden="true">
        {s.briefings.map((b) => (
          <article class="briefing-page" key={b.role}>
            <p class="briefing-scenario">{s.title}</p>
            <h2>{b.title.startsWith(roleName(s, b.role)) ? b.title : `${roleName(s, b.role)}: ${b.title}`}</h2>
            {b.text.split(/\n+/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </article>
        ))}
      </div>
    </>
  );
}
