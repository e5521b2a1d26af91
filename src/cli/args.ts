// The command line's arguments, read into what to do. Pure: no files, no processes, so
// that any argument list can be tried against it (tests/cli/args.test.ts). Every
// mistake is a UsageError saying which argument is wrong; powers named on the command
// line are checked against the scenario later (players.ts), once it is loaded.
import { gameSeed } from '../ai/balance';
import type { ReportOptions } from '../ai/report';
import { UsageError } from './errors';

import { MAX_SEED_LENGTH, MAX_TURNS } from '../engine';

export { MAX_SEED_LENGTH, MAX_TURNS };
export const MAX_GAMES = 100_000;
/** Requests above the number of cores are lowered anyway (balance.ts); this only keeps the number sane. */
export const MAX_JOBS = 1_000_000;

/** A power's player as named on the command line. */
export interface PlayerChoice {
  power: string;
  player: string;
  /** The argument as written, for messages: `--beijing` or `--player beijing=greedy`. */
  spelled: string;
}

/** A republic's player as named on the command line (`--republic <country-id>=<player>`). */
export interface RepublicPlayerChoice {
  country: string;
  player: string;
  /** The argument as written, for messages: `--republic kazakhstan=greedy`. */
  spelled: string;
}

/** Who plays the republics: `--republics <player>` for all of them, `--republic <id>=<player>` for one (checked against the scenario in players.ts). */
export interface RepublicArgs {
  all?: string;
  each: RepublicPlayerChoice[];
}

export type Invocation =
  | { command: 'help' }
  | { command: 'validate'; files: string[]; migrate: boolean }
  | { command: 'replay'; file: string }
  | { command: 'debrief'; file: string; out?: string }
  | { command: 'sources'; scenario: string; json: boolean }
  | { command: 'simulate'; scenario: string; seed: string; players: PlayerChoice[]; republics?: RepublicArgs; turns?: number; json: boolean; save?: string }
  | { command: 'balance'; scenario: string; seed: string; games: number; jobs?: number; players: PlayerChoice[]; republics?: RepublicArgs; json: boolean }
  | ReportInvocation;

/** `balance --report <scenario>`: the design report (src/ai/report.ts). */
export interface ReportInvocation extends Omit<ReportOptions, 'scripts'> {
  command: 'balance-report';
  scenario: string;
  jobs?: number;
  json: boolean;
}

/** The report's game counts when not given: enough to see a 10-point effect on varied games, few of the slow search:2 games. */
export const REPORT_DEFAULTS = { seed: 'report', games: 200, searchGames: 20, scriptGames: 10 } as const;
/** Options only the report takes. */
const REPORT_ONLY = ['search-games', 'event-games', 'project-games', 'script-games'] as const;

export type Command = Exclude<Invocation['command'], 'help' | 'balance-report'>;

type OptionKind = 'value' | 'flag' | 'player' | 'republic';

const OPTIONS: Record<Command, ReadonlyMap<string, OptionKind>> = {
  validate: new Map<string, OptionKind>([
    ['migrate', 'flag'],
    ['help', 'flag'],
  ]),
  replay: new Map([['help', 'flag']]),
  debrief: new Map<string, OptionKind>([
    ['out', 'value'],
    ['help', 'flag'],
  ]),
  sources: new Map<string, OptionKind>([
    ['json', 'flag'],
    ['help', 'flag'],
  ]),
  simulate: new Map<string, OptionKind>([
    ['scenario', 'value'],
    ['seed', 'value'],
    ['turns', 'value'],
    ['save', 'value'],
    ['json', 'flag'],
    ['player', 'player'],
    ['republics', 'value'],
    ['republic', 'republic'],
    ['help', 'flag'],
  ]),
  balance: new Map<string, OptionKind>([
    ['scenario', 'value'],
    ['seed', 'value'],
    ['games', 'value'],
    ['jobs', 'value'],
    ['json', 'flag'],
    ['player', 'player'],
    ['republics', 'value'],
    ['republic', 'republic'],
    ['report', 'value'],
    ['search-games', 'value'],
    ['event-games', 'value'],
    ['project-games', 'value'],
    ['script-games', 'value'],
    ['help', 'flag'],
  ]),
};

/**
 * Without `--` after the script's name, `npm run cli simulate --scenario x` hands the
 * options to npm, which keeps them as `npm_config_<name>` variables and passes on only
 * the values (the command then sees stray arguments). Given the environment, the hint
 * that says so, or null. npm's own "json" and "help" prove nothing and are left out.
 */
export function npmSwallowedHint(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | null {
  const command = argv[0];
  if (command === undefined || !isCommand(command) || env.npm_lifecycle_event === undefined) return null;
  const taken = optionNames(command).filter((name) => name !== 'json' && name !== 'help' && env[`npm_config_${name.replaceAll('-', '_')}`] !== undefined);
  if (taken.length === 0) return null;
  return `npm kept ${taken.map((n) => `--${n}`).join(', ')} for itself: put -- before the command so that its options reach it (npm run --silent cli -- ${command} …)`;
}

/** The option names of a command (`--<name>`): a power with one of these ids cannot use the short form. */
export const optionNames = (command: Command): string[] => [...OPTIONS[command].keys()];

/** Commands where `--<power-id> <player>` names a player. */
const TAKES_POWERS: ReadonlySet<Command> = new Set(['simulate', 'balance']);

/** The form of every id in a scenario (src/engine/schema.ts). */
const ID = /^[a-z0-9][a-z0-9-]*$/;

/** An argument quoted back in a message: JSON quotes, shortened when long. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
}

const isCommand = (word: string): word is Command => Object.hasOwn(OPTIONS, word);

interface Options {
  values: Map<string, string | true>;
  players: PlayerChoice[];
  republics: RepublicPlayerChoice[];
  positionals: string[];
  help: boolean;
}

/** Reads `--name value`, `--name=value`, flags, `--` and positionals, refusing what the command does not take. */
function readOptions(command: Command, args: readonly string[]): Options {
  const spec = OPTIONS[command];
  const values = new Map<string, string | true>();
  const players: PlayerChoice[] = [];
  const republics: RepublicPlayerChoice[] = [];
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg === '-h') return { values, players, republics, positionals, help: true };
    if (!arg.startsWith('--')) throw new UsageError(`${command} has no option ${quote(arg)}`);
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      // A value may start with one dash (--seed -5); one that starts with two is the next option, so write --seed=--x for that.
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      i++;
      return next;
    };
    const kind = spec.get(name);
    if (kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value (got ${quote(arg)})`);
      if (name === 'help') return { values, players, republics, positionals, help: true };
      if (values.has(name)) throw new UsageError(`--${name} is given twice`);
      values.set(name, true);
    } else if (kind === 'value') {
      if (values.has(name)) throw new UsageError(`--${name} is given twice`);
      values.set(name, value());
    } else if (kind === 'player') {
      const v = value();
      const at = v.indexOf('=');
      if (at <= 0 || at === v.length - 1) throw new UsageError(`--player needs <power-id>=<player> (got ${quote(v)})`);
      players.push({ power: v.slice(0, at), player: v.slice(at + 1), spelled: `--player ${v}` });
    } else if (kind === 'republic') {
      const v = value();
      const at = v.indexOf('=');
      if (at <= 0 || at === v.length - 1) throw new UsageError(`--republic needs <country-id>=<player> (got ${quote(v)})`);
      republics.push({ country: v.slice(0, at), player: v.slice(at + 1), spelled: `--republic ${v}` });
    } else if (TAKES_POWERS.has(command) && ID.test(name)) {
      players.push({ power: name, player: value(), spelled: `--${name}` });
    } else {
      throw new UsageError(`${command} has no option ${quote(`--${name}`)}`);
    }
  }
  return { values, players, republics, positionals, help: false };
}

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got ${quote(raw)})`);
  return n;
}

function required(o: Options, name: string, what: string): string {
  const v = o.values.get(name);
  if (typeof v !== 'string') throw new UsageError(`--${name} ${what} is required`);
  if (v === '') throw new UsageError(`--${name} needs a value`);
  return v;
}

function optional(o: Options, name: string): string | undefined {
  const v = o.values.get(name);
  if (v === '') throw new UsageError(`--${name} needs a value`);
  return typeof v === 'string' ? v : undefined;
}

function noPositionals(o: Options): void {
  const first = o.positionals[0];
  if (first !== undefined) throw new UsageError(`unexpected argument ${quote(first)}`);
}

/** A seed the engine accepts: at most MAX_SEED_LENGTH characters (an empty seed is a seed). */
function seedOf(o: Options): string {
  const v = o.values.get('seed');
  if (typeof v !== 'string') throw new UsageError('--seed <s> is required');
  if (v.length > MAX_SEED_LENGTH) throw new UsageError(`--seed is ${v.length} characters; a seed has at most ${MAX_SEED_LENGTH}`);
  return v;
}

/** Reads the whole command line (without `node` and the script). */
export function parseCommandLine(argv: readonly string[]): Invocation {
  const [command, ...args] = argv;
  if (command === undefined) throw new UsageError('a command is needed');
  if (command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (!isCommand(command)) throw new UsageError(`unknown command ${quote(command)}`);
  const o = readOptions(command, args);
  if (o.help) return { command: 'help' };
  switch (command) {
    case 'validate': {
      if (o.positionals.length === 0) throw new UsageError('validate needs at least one scenario file');
      if (o.positionals.includes('')) throw new UsageError('a file name is empty');
      return { command, files: o.positionals, migrate: o.values.has('migrate') };
    }
    case 'replay': {
      if (o.positionals.length !== 1) throw new UsageError(`replay takes exactly one saved game (got ${o.positionals.length})`);
      const file = o.positionals[0] as string;
      if (file === '') throw new UsageError('a file name is empty');
      return { command, file };
    }
    case 'debrief': {
      if (o.positionals.length !== 1) throw new UsageError(`debrief takes exactly one room record (got ${o.positionals.length})`);
      const file = o.positionals[0] as string;
      const out = optional(o, 'out');
      if (file === '') throw new UsageError('a file name is empty');
      return { command, file, ...(out !== undefined ? { out } : {}) };
    }
    case 'sources': {
      if (o.positionals.length !== 1) throw new UsageError(`sources takes exactly one scenario (got ${o.positionals.length})`);
      const scenario = o.positionals[0] as string;
      if (scenario === '') throw new UsageError('a scenario name is empty');
      return { command, scenario, json: o.values.has('json') };
    }
    case 'simulate': {
      noPositionals(o);
      const scenario = required(o, 'scenario', '<id|path>');
      const seed = seedOf(o);
      const turns = optional(o, 'turns');
      const save = optional(o, 'save');
      return {
        command,
        scenario,
        seed,
        players: o.players,
        ...republicArgs(o),
        ...(turns !== undefined ? { turns: wholeNumber('turns', turns, 1, MAX_TURNS) } : {}),
        json: o.values.has('json'),
        ...(save !== undefined ? { save } : {}),
      };
    }
    case 'balance': {
      noPositionals(o);
      if (o.values.has('report')) return reportInvocation(o);
      for (const name of REPORT_ONLY) if (o.values.has(name)) throw new UsageError(`--${name} is an option of balance --report`);
      const scenario = required(o, 'scenario', '<id|path>');
      const seed = seedOf(o);
      const games = wholeNumber('games', required(o, 'games', 'N'), 1, MAX_GAMES);
      // Each game plays from the seed with "-<index>" added, which must fit the engine's limit too: checked here, before any game starts.
      const longest = gameSeed(seed, games - 1);
      if (longest.length > MAX_SEED_LENGTH) {
        const room = MAX_SEED_LENGTH - (longest.length - seed.length);
        throw new UsageError(`--seed is ${seed.length} characters; with --games ${games} a seed has at most ${room} (each game adds its number, up to "${longest.slice(seed.length)}")`);
      }
      const jobs = optional(o, 'jobs');
      return { command, scenario, seed, games, ...(jobs !== undefined ? { jobs: wholeNumber('jobs', jobs, 1, MAX_JOBS) } : {}), players: o.players, ...republicArgs(o), json: o.values.has('json') };
    }
  }
}

/** `{ republics }` when any republic's player is named, else nothing (so the invocation is as before). */
function republicArgs(o: Options): { republics?: RepublicArgs } {
  const all = optional(o, 'republics');
  if (all === undefined && o.republics.length === 0) return {};
  return { republics: { ...(all !== undefined ? { all } : {}), each: o.republics } };
}

/** `balance --report <scenario> [--games N] [--search-games N] [--event-games N] [--project-games N] [--script-games N] [--seed S] [--jobs J] [--json]`. */
function reportInvocation(o: Options): ReportInvocation {
  const scenario = required(o, 'report', '<id|path>');
  if (o.values.has('scenario')) throw new UsageError('--report names the scenario: leave out --scenario');
  const first = o.players[0];
  if (first !== undefined) throw new UsageError(`${first.spelled}: the report chooses its own players (varied, search:2 and scripts)`);
  const republic = o.values.has('republics') ? '--republics' : o.republics[0]?.spelled;
  if (republic !== undefined) throw new UsageError(`${republic}: the report's republics take the engine's rule of thumb`);
  const count = (name: string, fallback: number, min = 0): number => {
    const v = optional(o, name);
    return v === undefined ? fallback : wholeNumber(name, v, min, MAX_GAMES);
  };
  const seed = o.values.has('seed') ? seedOf(o) : REPORT_DEFAULTS.seed;
  const games = count('games', REPORT_DEFAULTS.games, 1);
  const searchGames = count('search-games', REPORT_DEFAULTS.searchGames);
  const scriptGames = count('script-games', REPORT_DEFAULTS.scriptGames);
  // Every game's seed is the seed with "-<index>" added, which must fit the engine's limit.
  const longest = gameSeed(seed, Math.max(games, searchGames, scriptGames) - 1);
  if (longest.length > MAX_SEED_LENGTH) throw new UsageError(`--seed is ${seed.length} characters; with these game counts a seed has at most ${MAX_SEED_LENGTH - (longest.length - seed.length)}`);
  const jobs = optional(o, 'jobs');
  return {
    command: 'balance-report',
    scenario,
    seed,
    games,
    searchGames,
    // Events and projects replay the baseline's seeds, so they play as many games by default and never more.
    eventGames: Math.min(games, count('event-games', games)),
    projectGames: Math.min(games, count('project-games', games)),
    scriptGames,
    ...(jobs !== undefined ? { jobs: wholeNumber('jobs', jobs, 1, MAX_JOBS) } : {}),
    json: o.values.has('json'),
  };
}
