// How players see what a scenario rests on: a source as outlet, date and title (never
// its id), and an item's basis as the article that reports it or as an illustrative
// assumption with its reason.
import type { Basis, EventBasis, Scenario } from '../engine';
import { describeSource, formatPartialDate, groundingReport } from '../engine';
import { h } from './dom';

export function sourceLine(s: Scenario, id: string): string {
  const source = s.sources.find((x) => x.id === id);
  return source ? describeSource(source) : 'an unlisted source';
}

/** "Reported: The Guardian, July 2024: “…”" or "Illustrative assumption, not reported: …". */
export function basisLine(s: Scenario, basis: Basis | EventBasis): string {
  return basis.kind === 'reported' ? `Reported: ${sourceLine(s, basis.source)}` : `Illustrative assumption, not reported: ${basis.reason}`;
}

/** The scenario's grounding report as a folded section: what rests on each article, and every assumption. */
export function groundingView(s: Scenario): HTMLElement {
  const g = groundingReport(s);
  const used = g.sources.filter((x) => x.uses.length > 0);
  const details = h('details', { class: 'grounding' }, h('summary', {}, `What this scenario rests on: ${used.length} article${used.length === 1 ? '' : 's'}, ${g.assumptions.length} illustrative assumption${g.assumptions.length === 1 ? '' : 's'}`));
  for (const x of used) details.append(h('h4', {}, x.label), h('ul', {}, ...x.uses.map((u) => h('li', {}, `${u.what}: ${u.note}`))));
  details.append(h('h4', {}, 'Illustrative assumptions, not reported'));
  details.append(g.assumptions.length === 0 ? h('p', {}, 'None.') : h('ul', {}, ...g.assumptions.map((a) => h('li', {}, `${a.what}: ${a.reason}`))));
  const c = g.calendar;
  details.append(h('p', { class: 'summary' }, `The reporting ends ${formatPartialDate(c.reportingEnds)}; the scenario's own turns end ${formatPartialDate(c.lastTurn)}.${c.whatIfEnds ? ` Its "what if" continuation imagines the months to ${formatPartialDate(c.whatIfEnds)}.` : ''}`));
  return details;
}
