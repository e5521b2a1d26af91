// "This turn if the rival passes": the queued turn previewed per country (the engine's
// previewTurn), one short line per country the orders touch or that changes anyway
// (ties, neglect, balancing, certain events), then what the preview cannot know. Text
// only (JSX text, never HTML), so a screen reader and the keyboard reach all of it.
import type { GameState, Order, PreviewCause, Scenario, TurnPreview, CountryTurnPreview } from '../engine';
import { indexScenario, pointsText, previewTurn, viewFor } from '../engine';

const CAUSE_WORDS: Record<PreviewCause, string> = {
  orders: 'orders',
  tender: 'tender',
  stance: 'stance',
  ties: 'ties',
  neglect: 'neglect',
  balancing: 'balancing',
  projects: 'projects',
  events: 'events',
  risks: 'risks',
  drift: 'drift',
  other: 'other',
};

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export interface TurnPreviewText {
  title: string;
  /** One line per country touched or changing, in scenario order. */
  countries: string[];
  budget: string;
  /** Events certain to fire this turn (already in the numbers), or null. */
  certain: string | null;
  /** What the preview cannot know. */
  unknown: string;
}

function countryLine(s: Scenario, c: CountryTurnPreview): string {
  const ix = indexScenario(s);
  const name = (id: string): string => ix.power.get(id)?.name ?? id;
  const powers = ix.powerIds.map((q) => {
    const from = c.before.influence[q] ?? 0;
    const to = c.after.influence[q] ?? 0;
    const why = c.causes.flatMap((g) => (g.influence[q] ? [`${CAUSE_WORDS[g.cause]} ${signed(g.influence[q])}`] : []));
    return `${name(q)} ${from} → ${to}${why.length > 0 ? ` (${why.join(', ')})` : ''}`;
  });
  const st = c.stance.choice;
  const stance = st.kind === 'lean' ? `leans to ${name(st.power)}` : st.kind === 'crackdown' ? 'cracks down' : 'hedges';
  const pts = (who: string): string => pointsText(c.points[who] ?? 0);
  const after = c.after;
  const standing =
    after.controller !== null
      ? `${name(after.controller)} would control it (lead ${after.standing.lead}, needs ${c.margin}): ${pts(after.controller)}`
      : after.standing.leader !== null
        ? `${name(after.standing.leader)} would lead by ${after.standing.lead}, short of control (${c.margin})${c.points[after.standing.leader] ? `: ${pts(after.standing.leader)}` : ''}`
        : 'nobody would lead';
  const replies = c.replies.map((r) => {
    const gain = r.mostGain > 0 ? `, or add up to ${r.mostGain} to its own` : '';
    return r.most > 0 ? `${name(r.rival)} could take back up to ${r.most} (${r.label ?? 'one order'})${gain}` : `no single ${name(r.rival)} order takes any of it back${gain ? ` (one could add up to ${r.mostGain} to its own)` : ''}`;
  });
  return `${c.name}: ${powers.join(', ')}; it ${stance} (${c.stance.reason}); ${standing} — ${replies.join('; ')}`;
}

/** The preview in words, or why there is none. */
export function turnPreviewText(s: Scenario, p: TurnPreview): TurnPreviewText {
  const ix = indexScenario(s);
  const name = (id: string): string => ix.power.get(id)?.name ?? id;
  const rivals = p.rivals.map(name).join(' and ');
  const countries = p.countries.filter((c) => c.touched || c.changing).map((c) => countryLine(s, c));
  const budget = `Budget: ${p.budget.left} left of ${p.budget.now} after these orders; ${p.budget.after} at the start of next turn.`;
  // Every event the imagined turn fires is known: drawn as the turn opened (or sure), its conditions holding at the end.
  const certain = p.certainEvents.length > 0 ? `Events this turn (drawn as the turn opened, in the numbers above): ${p.certainEvents.map((e) => e.title).join('; ')}.` : null;
  const chances = p.chances.map((ch) => {
    const where = ch.ifHits.map((x) => `${ix.country.get(x.country)?.name ?? x.country} ${ix.powerIds.map((q) => `${name(q)} ${x.influence[q] ?? 0}`).join(', ')}`);
    const odds = ch.hidden ? 'it fires if a hidden value allows it' : `${ch.chancePct}%`;
    return `${ch.kind === 'risk' ? 'the risk of ' : ''}${ch.title} (${odds}${where.length > 0 ? `; if it happens: ${where.join('; ')}` : ''})`;
  });
  const unknown = `What this cannot know: ${rivals}'s orders, which can take from your share and change a republic's stance (the most one order could take back is on each line)${chances.length > 0 ? `; chance, left out of the numbers: ${chances.join('; ')}` : '; no roll of chance is due this turn'}.`;
  return { title: `This turn if ${p.rivals.length === 1 ? 'the rival passes' : 'the rivals pass'}`, countries, budget, certain, unknown };
}

/** The section for the queue panel. */
export function TurnPreviewView({ scenario: s, state, power, queued }: { scenario: Scenario; state: GameState; power: string; queued: readonly Order[] }) {
  const p = previewTurn(s, viewFor(s, state, power), power, queued);
  if (!p.ok) {
    return (
      <div class="turn-preview">
        <h3>This turn</h3>
        <p>{`No preview: ${p.error}`}</p>
      </div>
    );
  }
  const t = turnPreviewText(s, p.value);
  return (
    <div class="turn-preview">
      <h3>{t.title}</h3>
      <ul class="turn-preview-countries">
        {t.countries.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
        {t.countries.length === 0 && <li>Nothing changes in any country.</li>}
      </ul>
      <p>{t.budget}</p>
      {t.certain && <p>{t.certain}</p>}
      <p class="preview-unknown">{t.unknown}</p>
    </div>
  );
}
