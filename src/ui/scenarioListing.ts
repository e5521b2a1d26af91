// What the start screen shows of a scenario before it is loaded: its line in the list, its
// summary and its sides. The shipped scenarios' listings are made at build time (the
// `virtual:shipped-scenarios` module, vite.config.ts), so the page loads only the one
// scenario chosen, when it is chosen; a file of one's own is listed from itself.
import type { Scenario } from '../engine';
import { reportingEnds } from '../engine';

export interface ScenarioListing {
  id: string;
  title: string;
  summary: string;
  turns: number;
  /** The month the reporting ends ("2024-07" style, see `formatPartialDate`). */
  reportingEnds: string;
  whatIf: { note: string; turns: number } | null;
  powers: { id: string; name: string; color: string }[];
  /** The names of the contested countries, in the scenario's order (the start screen's "… compete for influence in …"). */
  contested: string[];
  /** The contested countries' shapes on the map (their `mapId`s): the start screen's picture frames them. */
  contestedMapIds: string[];
}

export function listingOf(id: string, s: Scenario): ScenarioListing {
  return {
    id,
    title: s.title,
    summary: s.summary,
    turns: s.turns,
    reportingEnds: reportingEnds(s),
    whatIf: s.whatIf ? { note: s.whatIf.note, turns: s.whatIf.turns } : null,
    powers: s.powers.map((p) => ({ id: p.id, name: p.name, color: p.color })),
    contested: s.countries.filter((c) => c.role === 'contested').map((c) => c.name),
    contestedMapIds: s.countries.filter((c) => c.role === 'contested').map((c) => c.mapId),
  };
}

/** The shipped scenario listed first (and chosen when nothing else is); vite.config.ts lists the default first. */
export const DEFAULT_SCENARIO = 'samarkand-2022';

export type Loaded = { ok: true; scenario: Scenario } | { ok: false; reason: string };

/** The shipped scenarios: listed at once, each loaded when asked for (src/web/shipped.ts). */
export interface ShippedScenarios {
  listings: readonly ScenarioListing[];
  /** The scenario, validated; or why it could not be had (its chunk failed to download…). Never rejects. */
  load(id: string): Promise<Loaded>;
  /**
   * Downloads the scenario's file ahead, when it is chosen, without validating it: validating
   * waits for `load` (Start, the editor, the balance check), since on a phone it is one long
   * task (~200 ms of Lighthouse's phone) that the start screen does not need. Never rejects.
   */
  fetchAhead(id: string): void;
}
