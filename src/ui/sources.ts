// How players see what a scenario rests on: a source as outlet, date and title (never
// its id), and an item's basis as the article that reports it or as an illustrative
// assumption with its reason.
import type { Basis, EventBasis, Scenario } from '../engine';
import { describeSource } from '../engine';

export function sourceLine(s: Scenario, id: string): string {
  const source = s.sources.find((x) => x.id === id);
  return source ? describeSource(source) : 'an unlisted source';
}

/** "Reported: The Guardian, July 2024: “…”" or "Illustrative assumption, not reported: …". */
export function basisLine(s: Scenario, basis: Basis | EventBasis): string {
  return basis.kind === 'reported' ? `Reported: ${sourceLine(s, basis.source)}` : `Illustrative assumption, not reported: ${basis.reason}`;
}
