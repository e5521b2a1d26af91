// `sources <scenario>`: the scenario's grounding report (src/engine/grounding.ts) as
// text a teacher can read beside the articles, or as JSON.
import type { GroundingReport, Scenario } from '../engine';
import { formatPartialDate, groundingReport } from '../engine';
import type { LineWriter } from './terminal';

export function formatGrounding(s: Scenario, g: GroundingReport): string[] {
  const lines: string[] = [`What "${s.title}" rests on`];
  const c = g.calendar;
  lines.push(
    `Calendar: ${formatPartialDate(c.start)} to ${formatPartialDate(c.lastTurn)}; the reporting ends ${formatPartialDate(c.reportingEnds)}.` +
      (c.whatIfEnds ? ` A "what if" continuation, chosen separately, imagines ${formatPartialDate(c.lastTurn)} to ${formatPartialDate(c.whatIfEnds)}.` : ''),
  );
  for (const x of g.sources) {
    lines.push('', `${x.label} [${x.source.id}]${x.source.url ? ` ${x.source.url}` : ''}`);
    if (x.uses.length === 0) lines.push('  (nothing in the scenario cites it)');
    for (const u of x.uses) lines.push(`  - ${u.what} (${u.path}): ${u.note}`);
  }
  lines.push('', `Illustrative assumptions, not reported (${g.assumptions.length}):`);
  if (g.assumptions.length === 0) lines.push('  none');
  for (const a of g.assumptions) lines.push(`  - ${a.what} (${a.path}): ${a.reason}`);
  if (g.uncited.length > 0) {
    lines.push('', `Uncited values and texts (${g.uncited.length}):`);
    for (const u of g.uncited) lines.push(`  - ${u.what} (${u.path})`);
  }
  return lines;
}

export function sources(s: Scenario, json: boolean, out: LineWriter): number {
  const g = groundingReport(s);
  if (json) out(JSON.stringify({ scenario: s.id, ...g }));
  else for (const line of formatGrounding(s, g)) out(line);
  return 0;
}
