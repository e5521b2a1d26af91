// What a scenario rests on: for each source, every value, text and item that cites it;
// every illustrative assumption with its reason; whatever should be cited and is not; and
// the calendar against the reporting. The command line prints it (`sources`), the debrief
// shows it, and tests hold the shipped scenarios to it.
import type { Basis, Citation, EventBasis, Scenario, Source } from './schema';
import { formatMonthIndex, monthIndex } from './dates';
import { formatPath } from './problems';
import type { PathPart } from './problems';

export interface SourceUse {
  /** JSON path of the value, text or item, e.g. `countries[0].influence`. */
  path: string;
  /** In words: "Kazakhstan: influence". */
  what: string;
  /** The paraphrase of what the article says. */
  note: string;
}

export interface Assumption {
  path: string;
  what: string;
  reason: string;
}

export interface Uncited {
  path: string;
  what: string;
}

export interface GroundingReport {
  sources: { source: Source; label: string; uses: SourceUse[] }[];
  assumptions: Assumption[];
  /** Fact-derived values and texts players read that cite nothing (see REQUIRED below). */
  uncited: Uncited[];
  calendar: { start: string; lastTurn: string; reportingEnds: string; whatIfEnds: string | null };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-07" → "July 2024"; "2023-05-28" → "28 May 2023". */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  const name = MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** How players see a source: outlet, date and title, never the id. */
export function describeSource(s: Source): string {
  return `${s.outlet}, ${formatPartialDate(s.date)}: “${s.title}”`;
}

/** The month the scenario's reporting ends: its latest source's. */
export function reportingEnds(s: Scenario): string {
  return formatMonthIndex(Math.max(...s.sources.map((x) => monthIndex(x.date))));
}

/**
 * Fields that must cite an article, by kind of entry: the values set from the reporting
 * and the texts that state facts. Actions, projects and events carry a required `basis`
 * (reported or an assumption) instead.
 */
export const REQUIRED: Readonly<Record<'scenario' | 'power' | 'track' | 'contested' | 'briefing', readonly string[]>> = {
  scenario: ['summary'],
  power: ['income'],
  track: ['description'],
  contested: ['influence', 'dependence'],
  briefing: ['text'],
};

export function groundingReport(s: Scenario): GroundingReport {
  const uses = new Map<string, SourceUse[]>(s.sources.map((x) => [x.id, []]));
  const assumptions: Assumption[] = [];
  const uncited: Uncited[] = [];
  const use = (source: string, path: PathPart[], what: string, note: string): void => {
    uses.get(source)?.push({ path: formatPath(path), what, note });
  };
  const cited = (path: PathPart[], name: string, citations: Readonly<Record<string, readonly Citation[]>> | undefined, required: readonly string[]): void => {
    for (const [field, list] of Object.entries(citations ?? {})) for (const c of list) use(c.source, [...path, field], `${name}: ${field}`, c.note);
    for (const field of required) if (!citations || !Object.hasOwn(citations, field)) uncited.push({ path: formatPath([...path, field]), what: `${name}: ${field}` });
  };
  const based = (path: PathPart[], name: string, basis: Basis | EventBasis): void => {
    if (basis.kind === 'assumption') assumptions.push({ path: formatPath(path), what: name, reason: basis.reason });
    else use(basis.source, [...path, 'basis'], name, 'note' in basis ? basis.note : basis.whatHappened);
  };

  cited([], 'The scenario', s.citations, REQUIRED.scenario);
  s.powers.forEach((p, i) => {
    cited(['powers', i], p.name, p.citations, REQUIRED.power);
    p.tracks.forEach((t, j) => cited(['powers', i, 'tracks', j], `${t.name} (${p.name})`, t.citations, REQUIRED.track));
  });
  s.countries.forEach((c, i) => cited(['countries', i], c.name, c.citations, c.role === 'contested' ? REQUIRED.contested : []));
  s.actions.forEach((a, i) => {
    based(['actions', i], `Order: ${a.name}`, a.basis);
    cited(['actions', i], `Order: ${a.name}`, a.citations, []);
  });
  s.projects.forEach((p, i) => {
    based(['projects', i], `Project: ${p.name}`, p.basis);
    cited(['projects', i], `Project: ${p.name}`, p.citations, []);
  });
  s.events.forEach((e, i) => {
    based(['events', i], `Event: ${e.title}`, e.basis);
    cited(['events', i], `Event: ${e.title}`, e.citations, []);
  });
  s.briefings.forEach((b, i) => cited(['briefings', i], `Briefing: ${b.title}`, b.citations, REQUIRED.briefing));

  const first = monthIndex(s.start);
  const last = first + (s.turns - 1) * s.monthsPerTurn;
  return {
    sources: s.sources.map((source) => ({ source, label: describeSource(source), uses: uses.get(source.id) ?? [] })),
    assumptions,
    uncited,
    calendar: {
      start: s.start,
      lastTurn: formatMonthIndex(last),
      reportingEnds: reportingEnds(s),
      whatIfEnds: s.whatIf ? formatMonthIndex(last + s.whatIf.turns * s.monthsPerTurn) : null,
    },
  };
}
