// New Great Game command line: validate, simulate, replay, balance, sources.
// Exit codes: 0 ok, 1 bad input, 2 bad usage. Expected failures print plain lines
// (`<file>: <what>`, or `error: <what>` and the command's usage line); only a genuine bug prints a
// stack trace, and says so. Every line goes through terminal.ts, which escapes what a
// terminal would obey.
import { availableParallelism } from 'node:os';
import type { Invocation } from './args';
import { npmSwallowedHint, parseCommandLine } from './args';
import { validate } from './validate';
import { simulate } from './simulate';
import { replay } from './replay';
import { debriefRoom } from './debrief';
import { sources } from './sources';
import { formatBalance, runBalance, workerCount } from './balance';
import { reportGames, runReport } from './report';
import { formatReport } from '../ai/reportFormat';
import { loadScenarioFile } from './scenarioFile';
import { choosePlayers, chooseRepublics, shortFormClashes, unknownPowerHints } from './players';
import { InputError, UsageError } from './errors';
import { lineWriter } from './terminal';
import { USAGE_LINES, usageHint } from './usage';

// A reader that stops early (`| head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const out = lineWriter(process.stdout);
const errOut = lineWriter(process.stderr);

/**
 * After a usage error in simulate or balance: if the scenario has a power whose id is
 * one of the command's options and the arguments use that option, the likely mistake
 * is naming its player the short way; say how to name it. An option that is no power
 * either gets the scenario's powers (and the closest), whatever the error was.
 */
function clashHints(argv: readonly string[]): string[] {
  const [command, ...args] = argv;
  if (command !== 'simulate' && command !== 'balance') return [];
  const at = args.findIndex((a) => a === '--scenario' || a.startsWith('--scenario='));
  const arg = args[at];
  const value = arg === undefined ? undefined : arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1];
  if (value === undefined || value === '') return [];
  try {
    const { scenario } = loadScenarioFile(value);
    return [...shortFormClashes(scenario, command, args), ...unknownPowerHints(scenario, command, args)];
  } catch (e) {
    // The scenario's own problems are reported once the usage is right.
    if (e instanceof InputError) return [];
    throw e;
  }
}

async function execute(inv: Invocation, argv: readonly string[]): Promise<number> {
  switch (inv.command) {
    case 'help':
      for (const line of USAGE_LINES) out(line);
      return 0;
    case 'validate':
      return validate(inv.files, out, errOut, inv.migrate);
    case 'replay':
      return replay(inv.file, out);
    case 'debrief':
      return debriefRoom(inv.file, inv.out, out);
    case 'sources': {
      const { scenario } = loadScenarioFile(inv.scenario, errOut);
      return sources(scenario, inv.json, out);
    }
    case 'simulate': {
      const { scenario } = loadScenarioFile(inv.scenario, errOut);
      const players = choosePlayers(scenario, 'simulate', inv.players, 'greedy');
      const republics = chooseRepublics(scenario, inv.republics);
      for (const note of shortFormClashes(scenario, 'simulate', argv.slice(1))) errOut(`note: ${note}`);
      return simulate({ scenario, seed: inv.seed, players, republics, json: inv.json, ...(inv.turns !== undefined ? { turns: inv.turns } : {}), ...(inv.save !== undefined ? { save: inv.save } : {}) }, out);
    }
    case 'balance': {
      const { scenario } = loadScenarioFile(inv.scenario, errOut);
      const players = choosePlayers(scenario, 'balance', inv.players, 'varied');
      const republics = chooseRepublics(scenario, inv.republics);
      for (const note of shortFormClashes(scenario, 'balance', argv.slice(1))) errOut(`note: ${note}`);
      const { jobs, note } = workerCount(inv.jobs, inv.games, availableParallelism());
      if (note !== undefined) errOut(note);
      const started = process.hrtime.bigint();
      let last = -1;
      const report = await runBalance({ scenario, games: inv.games, seed: inv.seed, jobs, players, republics }, (done, total) => {
        const step = Math.floor((done * 20) / total);
        if (step !== last || done === total) {
          last = step;
          // A terminal gets one line that updates in place; a log gets a line every 5%.
          if (process.stderr.isTTY) process.stderr.write(`\rbalance: ${done}/${total} games${done === total ? '\n' : ''}`);
          else errOut(`balance: ${done}/${total} games`);
        }
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (inv.json) out(JSON.stringify(report));
      else {
        for (const line of formatBalance(report)) out(line);
        out(`${inv.games} games in ${seconds.toFixed(2)} s on ${jobs} worker${jobs === 1 ? '' : 's'} (${(inv.games / seconds).toFixed(1)} games/s)`);
      }
      return 0;
    }
    case 'balance-report': {
      const { scenario } = loadScenarioFile(inv.scenario, errOut);
      const options = { seed: inv.seed, games: inv.games, searchGames: inv.searchGames, eventGames: inv.eventGames, projectGames: inv.projectGames, scriptGames: inv.scriptGames };
      const { jobs, note } = workerCount(inv.jobs, reportGames(scenario, options), availableParallelism());
      if (note !== undefined) errOut(note);
      const started = process.hrtime.bigint();
      const report = await runReport(scenario, options, jobs, progressLine('report'));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (inv.json) out(JSON.stringify(report));
      else {
        for (const line of formatReport(report)) out(line);
        out('');
        out(`Report of ${scenario.id} in ${seconds.toFixed(1)} s on ${jobs} worker${jobs === 1 ? '' : 's'}`);
      }
      return 0;
    }
  }
}

/** Progress on stderr: a terminal gets one line that updates in place; a log gets a line every 5%. */
function progressLine(what: string): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const step = Math.floor((done * 20) / total);
    if (step === last && done !== total) return;
    last = step;
    if (process.stderr.isTTY) process.stderr.write(`\r${what}: ${done}/${total} games${done === total ? '\n' : ''}`);
    else errOut(`${what}: ${done}/${total} games`);
  };
}

async function run(argv: readonly string[]): Promise<number> {
  try {
    return await execute(parseCommandLine(argv), argv);
  } catch (e) {
    // A hint the error itself already says (a misspelt power given a player) is left out.
    if (e instanceof UsageError) {
      const npm = npmSwallowedHint(argv, process.env);
      throw e.withHints([...(npm === null ? [] : [npm]), ...clashHints(argv).filter((hint) => !e.message.includes(hint))]);
    }
    throw e;
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      errOut(`error: ${e.message}`);
      for (const hint of e.hints) errOut(`note: ${hint}`);
      errOut(usageHint(process.argv[2]));
      process.exitCode = e.exitCode;
    } else if (e instanceof InputError) {
      for (const line of e.lines) errOut(line);
      process.exitCode = e.exitCode;
    } else {
      const text = `internal error (a bug in New Great Game, please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      for (const line of text.split('\n')) errOut(line);
      process.exitCode = 70;
    }
  },
);
