// The events ahead, as a player may see them (issue 10, item 4): every event's window,
// conditions and chance, in words, before it fires, so players can plan around events
// instead of being surprised by them. Read-only: it works on a power's view (no
// generator) and shows another power's secret track as "a hidden value", never its number.
//
// The window and "fires this turn" follow phases/events.ts: an event can fire in a turn
// whose first month lies in its window, when every condition holds at the end of that
// turn and its chance was drawn a hit when the turn opened. So for this turn the outlook
// gives the draw itself ("drawn: fires if…", "drawn: does not fire"), and for later turns
// the chance. The conditions are checked after the turn's orders and the republics'
// response, so "holds now" is the state at the start of the turn, which orders can change.
//
// Hidden values and the draw: the draws are public (a power's view keeps them, view.ts),
// and showing them reveals nothing hidden, because an event is drawn whatever its
// conditions (drawEvents never looks at them) and before any order. So a draw that hit
// says "fires if its conditions still hold", and a condition on a rival's secret track
// stays `holds: null`: the outlook never says whether the event will in fact fire when
// that rests on a hidden value (firesThisTurnPct stays null), even though the draw is known.
import type { Condition, Effect, Scenario } from './schema';
import type { StateLike } from './state';
import type { ScenarioIndex } from './scenarioIndex';
import { countryName, indexScenario, powerName } from './scenarioIndex';
import { conditionHolds } from './conditions';
import { controller } from './leadership';
import { formatMonthIndex } from './dates';
import { own } from './records';

/** One condition of an event's trigger, for a player. */
export interface ConditionOutlook {
  /** What must hold, in words: "Moscow's War drain is at least 6". */
  text: string;
  /** The value it tests, now, in words: "4", "a hidden value", "nobody controls it". */
  now: string;
  /** Whether it holds now; null when it rests on a value the viewer may not see. */
  holds: boolean | null;
}

export type EventStatus =
  /** A one-off event that has fired: nothing more can come of it. */
  | { kind: 'fired' }
  /**
   * It can no longer fire in this game: its window has passed (or the turns stepped over
   * it, or the game is over), or it opens only after the game's last turn.
   */
  | { kind: 'over'; why: 'window-passed' | 'after-last-turn' }
  /** Its window opens on a later turn of this game. */
  | { kind: 'upcoming'; opensInTurns: number; opensOn: string; conditions: ConditionOutlook[] }
  /** In its window this turn. */
  | {
      kind: 'possible';
      conditions: ConditionOutlook[];
      /**
       * This turn's draw, made when the turn opened: 'hit' (it fires if its conditions hold
       * at the end of the turn), 'miss' (it does not fire this turn), or null for an event
       * of 100% chance, which needs no draw.
       */
      draw: 'hit' | 'miss' | null;
      /**
       * The chance it fires this turn if nothing changes before the end of the turn: 0 when
       * the draw missed or a condition does not hold now, 100 when the draw hit (or needs
       * none) and every condition holds, and null when every visible one holds but another
       * rests on a hidden value (it may be 0 or 100).
       */
      firesThisTurnPct: number | null;
      /** Turns left in its window, this one included (1: this is the last chance). */
      turnsLeft: number;
    };

export interface EventOutlook {
  id: string;
  title: string;
  /** Whether an article reports it or it is an illustrative assumption. */
  basis: 'reported' | 'assumption';
  /** The date window, "YYYY-MM" at each end; null where it is open. */
  window: { from: string | null; to: string | null };
  /** Chance drawn each turn of its window (when the turn opens); it fires if the conditions hold too. */
  chancePct: number;
  repeatable: boolean;
  /** What it does, one line an effect: "Beijing's influence in Kazakhstan rises by 3". */
  effects: string[];
  status: EventStatus;
}

/**
 * Every event of the scenario, in scenario order (the order they are drawn), as `viewer`
 * may see it. Without a viewer (or when `state` is a power's view, its viewer), a
 * secret track of any other power is shown as hidden; without either, every secret track is.
 */
export function eventOutlook(scenario: Scenario, state: StateLike, viewer?: string): EventOutlook[] {
  const ix = indexScenario(scenario);
  const who = viewer ?? viewerOf(state);
  const months = remainingTurnMonths(ix, state);
  const lastMonth = ix.startMonth + (state.lastTurn - 1) * scenario.monthsPerTurn;
  return scenario.events.map((e, i) => {
    const span = ix.eventWindows[i] ?? { from: -Infinity, to: Infinity };
    const base = {
      id: e.id,
      title: e.title,
      basis: e.basis.kind,
      window: { from: e.trigger.from ?? null, to: e.trigger.to ?? null },
      chancePct: e.trigger.chancePct,
      repeatable: e.repeatable,
      effects: e.effects.map((x) => describeEffect(ix, x)),
    };
    const fired = !e.repeatable && state.fired.includes(e.id);
    return { ...base, status: statusOf(ix, state, who, e.trigger.all, drawOf(state, e.id, e.trigger.chancePct), fired, span, months, lastMonth) };
  });
}

/** This turn's draw of an event: null when its chance is 100% (no draw), a miss when the state holds none (it cannot fire by chance). */
function drawOf(state: StateLike, id: string, chancePct: number): 'hit' | 'miss' | null {
  if (chancePct >= 100) return null;
  return state.eventDraws.find((d) => d.id === id)?.hit ? 'hit' : 'miss';
}

/** The viewer a power's view carries (PowerView.viewer), if `state` is one. */
function viewerOf(state: StateLike): string | undefined {
  const v: unknown = 'viewer' in state ? state.viewer : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Month index of each turn still to be played, this one first; none once the game is over. */
function remainingTurnMonths(ix: ScenarioIndex, state: StateLike): number[] {
  if (state.phase.kind === 'over') return [];
  const out: number[] = [];
  for (let t = state.turn; t <= state.lastTurn; t++) out.push(ix.startMonth + (t - 1) * ix.scenario.monthsPerTurn);
  return out;
}

function statusOf(ix: ScenarioIndex, state: StateLike, viewer: string | undefined, all: readonly Condition[], draw: 'hit' | 'miss' | null, fired: boolean, span: { from: number; to: number }, months: readonly number[], lastMonth: number): EventStatus {
  if (fired) return { kind: 'fired' };
  const inWindow = months.map((m) => m >= span.from && m <= span.to);
  const next = inWindow.indexOf(true);
  if (next < 0) return { kind: 'over', why: span.from > lastMonth ? 'after-last-turn' : 'window-passed' };
  const conditions = all.map((c) => describeCondition(ix, state, viewer, c));
  if (next > 0) return { kind: 'upcoming', opensInTurns: next, opensOn: formatMonthIndex(months[next] ?? 0), conditions };
  const failing = conditions.some((c) => c.holds === false);
  const unknown = conditions.some((c) => c.holds === null);
  // A missed draw is certain whatever the conditions, so it needs no hidden value to say so.
  const firesThisTurnPct = draw === 'miss' || failing ? 0 : unknown ? null : 100;
  return { kind: 'possible', conditions, draw, firesThisTurnPct, turnsLeft: inWindow.filter(Boolean).length };
}

/** A bound in words: "at least 6", "at most 55", "between 3 and 6", "any value". */
function bounds(c: { atLeast?: number | undefined; atMost?: number | undefined }): string {
  if (c.atLeast !== undefined && c.atMost !== undefined) return c.atLeast === c.atMost ? `exactly ${c.atLeast}` : `between ${c.atLeast} and ${c.atMost}`;
  if (c.atLeast !== undefined) return `at least ${c.atLeast}`;
  if (c.atMost !== undefined) return `at most ${c.atMost}`;
  return 'any value';
}

/** A flag id as words: "xian-declaration" → "xian declaration". Flags have no names in the format. */
export const flagWords = (flag: string): string => `“${flag.replaceAll('-', ' ')}”`;

/** A power's track by id, for its name and whether it is secret. */
const trackOf = (ix: ScenarioIndex, power: string, track: string) => ix.power.get(power)?.tracks.find((t) => t.id === track);

const HIDDEN = 'a hidden value';

const PROJECT_STATUS: Record<'available' | 'building' | 'built', string> = { available: 'not started', building: 'being built', built: 'built' };

export function describeCondition(ix: ScenarioIndex, state: StateLike, viewer: string | undefined, c: Condition): ConditionOutlook {
  // `holds` comes from the engine's own test, so the outlook cannot drift from the rule.
  const holds = (): boolean => conditionHolds(ix, state, c);
  const num = (v: number | undefined): string => String(v ?? 0);
  switch (c.type) {
    case 'flag':
      return { text: `the flag ${flagWords(c.flag)} is ${c.is ? 'set' : 'not set'}`, now: state.flags.includes(c.flag) ? 'set' : 'not set', holds: holds() };
    case 'track': {
      const t = trackOf(ix, c.power, c.track);
      const text = `${powerName(ix, c.power)}'s ${t?.name ?? c.track} is ${bounds(c)}`;
      // Another power's secret track: neither its value nor whether it passes the bound.
      if (t?.secret && viewer !== c.power) return { text, now: HIDDEN, holds: null };
      return { text, now: num(own(own(state.powers, c.power)?.tracks, c.track)), holds: holds() };
    }
    case 'influence':
      return { text: `${powerName(ix, c.power)}'s influence in ${countryName(ix, c.country)} is ${bounds(c)}`, now: num(own(own(state.countries, c.country)?.influence, c.power)), holds: holds() };
    case 'stability':
      return { text: `${countryName(ix, c.country)}'s stability is ${bounds(c)}`, now: num(own(state.countries, c.country)?.stability), holds: holds() };
    case 'dependence':
      return { text: `${countryName(ix, c.country)}'s ${c.axis} dependence on ${powerName(ix, c.power)} is ${bounds(c)}`, now: num(own(own(state.countries, c.country)?.dependence[c.axis], c.power)), holds: holds() };
    case 'leads': {
      const who = controller(ix.scenario, state, c.country);
      return { text: `${powerName(ix, c.power)} controls ${countryName(ix, c.country)}`, now: who === null ? 'nobody controls it' : `${powerName(ix, who)} controls it`, holds: holds() };
    }
    case 'project': {
      const p = own(state.projects, c.project);
      const status = p?.status ?? 'available';
      const owner = p && p.status !== 'available' ? ` by ${powerName(ix, p.owner)}` : '';
      return { text: `${ix.project.get(c.project)?.name ?? c.project} is ${PROJECT_STATUS[c.status]}`, now: `${PROJECT_STATUS[status]}${owner}`, holds: holds() };
    }
    default: {
      const never: never = c;
      throw new Error(`unhandled condition ${JSON.stringify(never)}`);
    }
  }
}

// Placeholders are bound by whoever applies the effect (effects.ts); an event binds none,
// but the same words serve orders and projects.
const countryRef = (ix: ScenarioIndex, ref: string): string => (ref === '$target' ? "the order's country" : ref === '$route' ? "each country on the project's route" : countryName(ix, ref));
const powerRef = (ix: ScenarioIndex, ref: string): string => (ref === '$self' ? 'the acting power' : ref === '$others' ? 'each other power' : powerName(ix, ref));
const possessive = (name: string): string => `${name}'s`;
const moves = (delta: number, unit = ''): string => (delta > 0 ? `rises by ${delta}${unit}` : delta < 0 ? `falls by ${-delta}${unit}` : 'does not change');

/** One effect in words: "Beijing's influence in Kazakhstan rises by 3". */
export function describeEffect(ix: ScenarioIndex, e: Effect): string {
  switch (e.type) {
    case 'influence':
      return `${possessive(powerRef(ix, e.power))} influence in ${countryRef(ix, e.country)} ${moves(e.delta)}`;
    case 'stability':
      return `${possessive(countryRef(ix, e.country))} stability ${moves(e.delta)}`;
    case 'dependence':
      return `${possessive(countryRef(ix, e.country))} ${e.axis} dependence on ${powerRef(ix, e.power)} ${moves(e.delta)}`;
    case 'budget':
      return `${possessive(powerRef(ix, e.power))} budget ${moves(e.delta)}`;
    case 'income':
      return `${possessive(powerRef(ix, e.power))} income ${moves(e.delta, ' a turn')}`;
    case 'track': {
      // With a placeholder the track is each bound power's own; its name is taken from the first power that has it.
      const t = trackOf(ix, e.power, e.track) ?? ix.scenario.powers.flatMap((p) => p.tracks).find((x) => x.id === e.track);
      return `${possessive(powerRef(ix, e.power))} ${t?.name ?? e.track} ${moves(e.delta)}`;
    }
    case 'flag':
      return `the flag ${flagWords(e.flag)} is ${e.value ? 'set' : 'cleared'}`;
    case 'points':
      return e.delta >= 0 ? `${powerRef(ix, e.power)} gains ${e.delta} point${e.delta === 1 ? '' : 's'}` : `${powerRef(ix, e.power)} loses ${-e.delta} point${e.delta === -1 ? '' : 's'}`;
    default: {
      const never: never = e;
      throw new Error(`unhandled effect ${JSON.stringify(never)}`);
    }
  }
}
