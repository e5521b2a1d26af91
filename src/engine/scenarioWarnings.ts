// Warnings about a scenario that loads: nothing in it is malformed, yet the game would
// misbehave (two countries drawn as one shape, two powers at one home, countries no lead
// can ever control) or read wrongly (a text that names an article by its id). They are not
// errors, so files written before these checks still load; `validate` and the editor show them. Checks that need the map asset live in
// src/map/scenarioMap.ts, and the check by computer games in src/ai/drawCheck.ts: the
// engine stays free of assets.
import type { PathPart, Problem } from './problems';
import { formatPath } from './problems';
import type { Effect, Scenario } from './schema';
import { controlMargin } from './leadership';
import { SHARE_TOTAL } from './ledger';

export function scenarioWarnings(s: Scenario): Problem[] {
  const warnings: Problem[] = [];
  const add = (path: PathPart[], found: string, expected: string): void => {
    warnings.push({ path: formatPath(path), found, expected });
  };

  // The map finds a country's shape by its mapId: two countries with one id are drawn as one shape.
  const byMapId = new Map<string, { id: string; index: number }>();
  s.countries.forEach((c, i) => {
    const first = byMapId.get(c.mapId);
    if (first) add(['countries', i, 'mapId'], `"${c.mapId}", the map id of "${first.id}" (countries[${first.index}]) too`, 'a map id no other country has (the map draws each id as one country)');
    else byMapId.set(c.mapId, { id: c.id, index: i });
  });

  // A home base is drawn and described as one power's.
  const homeOf = new Map<string, string>();
  s.powers.forEach((p, i) => {
    const other = homeOf.get(p.home);
    if (other !== undefined) add(['powers', i, 'home'], `"${p.home}", the home of power "${other}" too`, 'a home country no other power has');
    else homeOf.set(p.home, p.id);
  });

  // Influence shares add up to at most SHARE_TOTAL, so no lead is ever larger: a control margin above it can never be reached.
  const contested = s.countries.flatMap((c, i) => (c.role === 'contested' ? [{ c, i }] : []));
  const controllable = contested.filter(({ c }) => controlMargin(s, c.id) <= SHARE_TOTAL);
  for (const { c, i } of contested) {
    const margin = controlMargin(s, c.id);
    if (margin > SHARE_TOTAL) {
      add(['countries', i], `a control margin of ${margin} (victory.leadMargin ${s.victory.leadMargin}, ${marginFromSovereignty(c.sovereignty)})`, `a margin of at most ${SHARE_TOTAL}, the largest lead influence shares allow: as it is, no power can ever control "${c.id}"`);
    }
  }
  const sd = s.victory.suddenDeath;
  if (sd && sd.countries <= contested.length && sd.countries > controllable.length) {
    add(['victory', 'suddenDeath', 'countries'], String(sd.countries), `at most ${controllable.length}, the number of countries whose control margin a lead can reach: as it is, sudden death can never happen`);
  }
  // With nothing to control, no lead points and no effect that gives points, every game ends level: a draw.
  if (controllable.length === 0 && s.victory.leadPoints === 0 && !givesPoints(s)) {
    add(['victory'], `a victory no power can reach: no country can be controlled (every control margin is above ${SHARE_TOTAL}), "leadPoints" is 0 and no effect gives points`, 'a way to score: a lower "leadMargin" or "leadPoints" above 0 (as it is, every game is a draw)');
  }
  for (const w of sourceIdsInTexts(s)) add(w.path, w.found, w.expected);
  return warnings;
}

/** Fields that hold an id, a code or a date, never words players read. */
const NOT_PROSE = new Set(['id', 'source', 'mapId', 'color', 'happened', 'start', 'date', 'url', '$schema']);

/**
 * A text players read that names an article by its id ("004 says…"), or by the number its
 * id starts with (the shared sources are files named `004_dc43…`): players never see the ids,
 * only outlets, dates and titles, so the line reads as a stray number.
 */
function sourceIdsInTexts(s: Scenario): { path: PathPart[]; found: string; expected: string }[] {
  const named = s.sources.map((src) => {
    const number = /^(\d+)_/.exec(src.id)?.[1];
    // A number alone, not part of a larger one ("1,000", "2.004").
    const word = number === undefined ? null : new RegExp(`(?<![\\d.,])${number}(?!\\d|[.,]\\d)`);
    return { src, number, word };
  });
  const found: { path: PathPart[]; found: string; expected: string }[] = [];
  const visit = (value: unknown, path: PathPart[]): void => {
    if (typeof value === 'string') {
      for (const { src, number, word } of named) {
        if (value === src.id || value === number) continue;
        const at = value.includes(src.id) ? value.indexOf(src.id) : (word?.exec(value)?.index ?? -1);
        if (at < 0) continue;
        const from = Math.max(0, at - 20);
        const excerpt = `${from > 0 ? '…' : ''}${value.slice(from, at + 30)}${at + 30 < value.length ? '…' : ''}`;
        found.push({ path, found: `"${excerpt}", naming the article "${src.id}" by its id`, expected: `the article as players see it, by its outlet or date ("${src.outlet}", ${src.date}): players never see the ids` });
        return;
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (!NOT_PROSE.has(k)) visit(v, [...path, k]);
    }
  };
  for (const [k, v] of Object.entries(s)) if (k !== 'sources' && !NOT_PROSE.has(k)) visit(v, [k]);
  return found;
}

/** How sovereignty moves a country's control margin, in words for a message. */
function marginFromSovereignty(sovereignty: number): string {
  const step = Math.trunc((sovereignty - 50) / 10);
  return step === 0 ? `sovereignty ${sovereignty} adds nothing` : `sovereignty ${sovereignty} ${step > 0 ? `adds ${step}` : `takes ${-step}`}`;
}

/** Whether any order, risk, project or event can give a power points. */
function givesPoints(s: Scenario): boolean {
  const effects: Effect[] = [
    ...s.actions.flatMap((a) => [...a.effects, ...(a.risk?.effects ?? [])]),
    ...s.projects.flatMap((p) => [...p.onComplete, ...p.perTurn]),
    ...s.events.flatMap((e) => e.effects),
  ];
  return effects.some((e) => e.type === 'points' && e.delta !== 0);
}
