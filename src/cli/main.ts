// New Great Game command line: validate, simulate, replay, balance.
// Exit codes: 0 ok, 1 bad input, 2 bad usage. Expected failures print one clear
// message; only a genuine bug prints a stack trace, and says so.
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { validate } from './validate';
import { simulate } from './simulate';
import { replay } from './replay';
import { formatBalance, runBalance } from './balance';
import { loadScenarioFile } from './scenarioFile';
import { playerNames, playerOptions } from './players';
import { InputError, UsageError } from './errors';

const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  validate <file>...
      Check scenario files; one summary line per valid file, path-precise errors otherwise.
  simulate --scenario <id|path> --seed <s> [--<power-id> <player>]... [--turns N] [--json] [--save <file>]
      Play computer against computer. Players: random, greedy, varied, search:1, search:2,
      search:3 (a power not named plays greedy). --json prints one JSON object.
  replay <saved-game>
      Replay a saved game and check every turn's state hash.
  balance --scenario <id|path> --games N --seed S [--jobs J] [--<power-id> <player>]... [--json]
      Many computer games on worker threads: win rates, scores, per-country outcomes,
      order kinds and openings. A power not named plays varied (rule of thumb with variety).

Exit codes: 0 ok, 1 bad input, 2 bad usage.`;

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const errOut = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Reads the value after --scenario before the full parse, since power options depend on the scenario. */
function scenarioArg(args: string[]): string {
  const i = args.findIndex((a) => a === '--scenario' || a.startsWith('--scenario='));
  if (i < 0) throw new UsageError('--scenario <id|path> is required');
  const a = args[i] as string;
  const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError('--scenario needs a value');
  return v;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function parse(args: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function positiveInt(name: string, value: unknown, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < 1) throw new UsageError(`${name} must be a whole number of at least 1 (got ${JSON.stringify(value ?? null)})`);
  return n;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out(USAGE);
      return command === undefined ? 2 : 0;
    case 'validate': {
      const { positionals } = parse(args, {});
      return validate(positionals, out, errOut);
    }
    case 'simulate': {
      const { scenario } = loadScenarioFile(scenarioArg(args));
      const { values, positionals } = parse(args, { scenario: { type: 'string' }, seed: { type: 'string' }, turns: { type: 'string' }, json: { type: 'boolean' }, save: { type: 'string' }, ...playerOptions(scenario) });
      if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
      if (typeof values.seed !== 'string') throw new UsageError('--seed <s> is required');
      return simulate(
        {
          scenario,
          seed: values.seed,
          players: playerNames(scenario, values),
          ...(values.turns !== undefined ? { turns: positiveInt('--turns', values.turns) } : {}),
          json: values.json === true,
          ...(typeof values.save === 'string' ? { save: values.save } : {}),
        },
        out,
      );
    }
    case 'replay': {
      const { positionals } = parse(args, {});
      if (positionals.length !== 1) throw new UsageError('replay takes exactly one saved game');
      return replay(positionals[0] as string, out);
    }
    case 'balance': {
      const { scenario } = loadScenarioFile(scenarioArg(args));
      const { values, positionals } = parse(args, { scenario: { type: 'string' }, seed: { type: 'string' }, games: { type: 'string' }, jobs: { type: 'string' }, json: { type: 'boolean' }, ...playerOptions(scenario) });
      if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
      if (typeof values.seed !== 'string') throw new UsageError('--seed <s> is required');
      const games = positiveInt('--games', values.games);
      if (games > 100_000) throw new UsageError('--games must be at most 100000');
      const jobs = Math.min(positiveInt('--jobs', values.jobs, availableParallelism()), 64);
      const started = process.hrtime.bigint();
      let last = -1;
      const report = await runBalance({ scenario, games, seed: values.seed, jobs, players: playerNames(scenario, values, 'varied') }, (done, total) => {
        const step = Math.floor((done * 20) / total);
        if (step !== last || done === total) {
          last = step;
          // A terminal gets one line that updates in place; a log gets a line every 5%.
          if (process.stderr.isTTY) process.stderr.write(`\rbalance: ${done}/${total} games${done === total ? '\n' : ''}`);
          else process.stderr.write(`balance: ${done}/${total} games\n`);
        }
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (values.json === true) out(JSON.stringify(report));
      else {
        for (const line of formatBalance(report)) out(line);
        out(`${games} games in ${seconds.toFixed(2)} s on ${jobs} worker${jobs === 1 ? '' : 's'} (${(games / seconds).toFixed(1)} games/s)`);
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      errOut(`error: ${e.message}\n\n${USAGE}`);
      process.exitCode = e.exitCode;
    } else if (e instanceof InputError) {
      errOut(e.message);
      process.exitCode = e.exitCode;
    } else {
      errOut(`internal error (a bug in New Great Game, please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exitCode = 70;
    }
  },
);
