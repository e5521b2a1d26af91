// Which player plays each power: the choices read from the command line (args.ts)
// checked against the scenario's powers. A power may be named `--player <id>=<player>`
// whatever its id, or `--<id> <player>` when its id is not one of the command's options.
import type { Scenario } from '../engine';
import { closest, idRecord } from '../engine';
import { parsePlayer } from '../ai/player';
import { parseRepublicPlayer } from '../ai/republic';
import type { Command, PlayerChoice, RepublicArgs } from './args';
import { optionNames, quote } from './args';
import { UsageError } from './errors';

/** Power id → player name for every power of the scenario, in the scenario's order; a power not named plays `fallback`. */
export function choosePlayers(scenario: Scenario, command: Command, choices: readonly PlayerChoice[], fallback: string): Record<string, string> {
  const powers = scenario.powers.map((p) => p.id);
  const chosen = new Map<string, PlayerChoice>();
  for (const c of choices) {
    if (!powers.includes(c.power)) {
      const list = powerList(powers, c.power, c.spelled.startsWith('--player ') ? (id) => `--player ${id}=${c.player}` : (id) => `--${id}`);
      throw new UsageError(
        c.spelled.startsWith('--player ')
          ? `${c.spelled}: scenario ${scenario.id} has no power ${quote(c.power)} (${list})`
          : `${command} has no option ${quote(c.spelled)}, and scenario ${scenario.id} has no power ${quote(c.power)} (${list})`,
      );
    }
    const before = chosen.get(c.power);
    if (before) throw new UsageError(`power ${c.power} is given two players (${before.spelled} and ${c.spelled})`);
    const r = parsePlayer(c.player);
    if (!r.ok) throw new UsageError(`${c.spelled}: ${r.error}`);
    chosen.set(c.power, c);
  }
  return idRecord(powers.map((p) => [p, chosen.get(p)?.player ?? fallback]));
}

/** "its powers: a, b, c", and the closest to a misspelt `name` as it would be written, if one is close. */
function powerList(powers: readonly string[], name: string, spell: (id: string) => string): string {
  const near = closest(name, powers);
  return `its powers: ${powers.join(', ')}${near === undefined ? '' : `; did you mean ${spell(near)}?`}`;
}

/**
 * After a usage error: each `--<name>` among the arguments that is neither an option of
 * the command nor a power of the scenario, with the scenario's powers (a misspelt power
 * can stop the command line before its power is looked up, e.g. when it has no value).
 */
export function unknownPowerHints(scenario: Scenario, command: Command, args: readonly string[]): string[] {
  const options = optionNames(command);
  const powers = scenario.powers.map((p) => p.id);
  // After "--" every argument is a positional, not an option.
  const end = args.indexOf('--');
  const names = (end < 0 ? args : args.slice(0, end)).flatMap((a) => {
    const m = /^--([^=]+)/.exec(a);
    return m?.[1] !== undefined && !options.includes(m[1]) && !powers.includes(m[1]) ? [m[1]] : [];
  });
  return [...new Set(names)].map((name) => `scenario ${scenario.id} has no power ${quote(name)} (${powerList(powers, name, (id) => `--${id}`)})`);
}

/**
 * Notes for the powers whose ids are options of the command and that the arguments use
 * as options with a player's name after them (`--seed greedy`, `--json random`), for a
 * power not named with --player: that sets the seed or asks for JSON, it does not choose
 * the player of a power called "seed" or "json", and whoever wrote it should know.
 */
export function shortFormClashes(scenario: Scenario, command: Command, args: readonly string[]): string[] {
  const options = optionNames(command);
  /** What follows `--<name>`: its `=value`, or the next argument. */
  const after = (name: string): string[] => args.flatMap((a, i) => (a === `--${name}` ? [args[i + 1] ?? ''] : a.startsWith(`--${name}=`) ? [a.slice(name.length + 3)] : []));
  const namedByPlayer = new Set(after('player').map((v) => v.slice(0, Math.max(0, v.indexOf('=')))));
  return scenario.powers
    .map((p) => p.id)
    .filter((id) => options.includes(id) && !namedByPlayer.has(id) && after(id).some((v) => parsePlayer(v).ok))
    .map((id) => `power ${quote(id)} has the name of ${command}'s option --${id}, so --${id} is that option; name its player with --player ${id}=<player>`);
}

/**
 * Contested country id → republic player name, in the scenario's order, for every
 * republic named: `--republics <player>` names all of them, `--republic <id>=<player>`
 * one (and wins over --republics). A republic not named is left out: the engine's rule
 * of thumb chooses its stance, as in a game without republic players.
 */
export function chooseRepublics(scenario: Scenario, args: RepublicArgs | undefined): Record<string, string> {
  const contested = scenario.countries.filter((c) => c.role === 'contested').map((c) => c.id);
  if (!args) return idRecord<string>();
  if (args.all !== undefined) {
    const r = parseRepublicPlayer(args.all);
    if (!r.ok) throw new UsageError(`--republics: ${r.error}`);
  }
  const chosen = new Map<string, RepublicArgs['each'][number]>();
  for (const c of args.each) {
    if (!contested.includes(c.country)) {
      const neighbour = scenario.countries.some((x) => x.id === c.country) ? `${c.country} is a neighbour, which takes no stance; ` : '';
      throw new UsageError(`${c.spelled}: scenario ${scenario.id} has no contested country ${quote(c.country)} (${neighbour}its contested countries: ${contested.join(', ')})`);
    }
    const before = chosen.get(c.country);
    if (before) throw new UsageError(`republic ${c.country} is given two players (${before.spelled} and ${c.spelled})`);
    const r = parseRepublicPlayer(c.player);
    if (!r.ok) throw new UsageError(`${c.spelled}: ${r.error}`);
    chosen.set(c.country, c);
  }
  return idRecord(contested.flatMap((id) => {
    const name = chosen.get(id)?.player ?? args.all;
    return name === undefined ? [] : [[id, name] as [string, string]];
  }));
}
