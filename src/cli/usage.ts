// The usage text, shown by `help`; after a usage error only the command's own line (usageHint).
import { MAX_GAMES, MAX_SEED_LENGTH, MAX_TURNS } from './args';
import { SAVE_LIMIT, SCENARIO_LIMIT } from './files';

export const USAGE_LINES: readonly string[] = `Usage: npm run --silent cli -- <command> [options]

Commands:
  validate [--migrate] <file>...
      Check scenario files; one summary line per valid file, path-precise errors otherwise.
      A JSON Schema file (scenarios/schema.json) is skipped with a note. A file in an
      earlier form of the format is read in the current one, with notes on what was
      assumed; --migrate writes it so, keeping the original beside it (name.form1.json).
  simulate --scenario <id|path> --seed <s> [--player <power-id>=<player>]...
           [--republics <player>] [--republic <country-id>=<player>]... [--turns N] [--json] [--save <file>]
      Play computer against computer. Players: random, greedy, varied, search:1, search:2,
      search:3 (a power not named plays greedy). --json prints one JSON object.
  replay <saved-game>
      Replay a saved game and check every turn's state hash.
  debrief <room-record> [--out <file.html>]
      The class's debrief of a classroom room's exported record, as one printable HTML page
      (to stdout, or to the file): outcome, charts, each team's decisions, messages and
      injects turn by turn, turning points, events with what really happened and sources.
  sources <id|path> [--json]
      What the scenario rests on: for each article, every value, text, order, project,
      event and briefing that cites it; the illustrative assumptions with their reasons;
      anything left uncited; and the calendar against the reporting.
  balance --scenario <id|path> --games N --seed <s> [--jobs J] [--player <power-id>=<player>]...
          [--republics <player>] [--republic <country-id>=<player>]... [--json]
      Many computer games on worker threads: win rates, scores, per-country outcomes,
      order kinds and openings. A power not named plays varied (rule of thumb with variety).
      --jobs is lowered to the number of processor cores (and of games), with a note.
  balance --report <id|path> [--games N] [--search-games N] [--event-games N] [--project-games N]
          [--script-games N] [--seed <s>] [--jobs J] [--json]
      The design report: win rates (varied vs varied, 200 games; search:2 vs search:2, 20),
      locked turns, leader changes, who leads each country, the points leader's win rate at
      25/50/75% of the game, order kinds, each event's effect (played without it) and each
      project's (forced on turn 1), fixed scripts against search:2 (10 games a side).

Players: --player <power-id>=<player> names the player of any power; --<power-id> <player>
  does the same for a power whose id is not an option name (scenario, seed, json, help…).
Republics: --republics <player> plays every contested republic's stance, --republic
  <country-id>=<player> one of them (over --republics). Players: rule (the engine's rule of
  thumb), greedy (the stance that best serves the republic's interest this turn), search (two
  turns ahead); republic:<player> also works. A republic not named takes the rule of thumb.
Limits: --seed at most ${MAX_SEED_LENGTH} characters (for balance, less the "-<game>" each game adds);
  --turns 1 to ${MAX_TURNS}; --games 1 to ${MAX_GAMES}. Files must be regular files: a scenario
  of at most ${SCENARIO_LIMIT.maxChars} characters, a save of at most ${SAVE_LIMIT.maxChars}.

Exit codes: 0 ok, 1 bad input, 2 bad usage.`.split('\n');

/** Each command's own usage line: what a usage error shows instead of the whole text above, which would bury the error. */
const SYNOPSIS: ReadonlyMap<string, string> = new Map([
  ['validate', 'validate [--migrate] <file>...'],
  ['simulate', 'simulate --scenario <id|path> --seed <s> [--<power-id> <player>]... [--turns N] [--json] [--save <file>]'],
  ['replay', 'replay <saved-game>'],
  ['debrief', 'debrief <room-record> [--out <file.html>]'],
  ['sources', 'sources <id|path> [--json]'],
  ['balance', 'balance --scenario <id|path> --games N --seed <s> [--jobs J] [--json], or balance --report <id|path>'],
]);

export const HELP_COMMAND = 'npm run --silent cli -- help';

/** The one line after a usage error: the command's own usage, or (no command, or an unknown one) the commands and where help is. */
export function usageHint(command: string | undefined): string {
  const synopsis = command === undefined ? undefined : SYNOPSIS.get(command);
  if (synopsis !== undefined) return `usage: npm run --silent cli -- ${synopsis} (every option: ${HELP_COMMAND})`;
  return `commands: ${[...SYNOPSIS.keys()].join(', ')}; run \`${HELP_COMMAND}\` for their usage`;
}
