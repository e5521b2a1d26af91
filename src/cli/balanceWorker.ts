// A worker thread of `balance`: plays the games it is given and posts their summaries.
import { parentPort, workerData } from 'node:worker_threads';
import { loadScenario } from '../engine';
import { playBalanceGame } from '../ai/balance';

interface Job {
  scenario: unknown;
  seed: string;
  indices: number[];
  players: Record<string, string>;
  republics: Record<string, string>;
}

const job = workerData as Job;
const loaded = loadScenario(job.scenario);
if (!loaded.ok) throw new Error('worker received an invalid scenario');
for (const index of job.indices) {
  parentPort?.postMessage(playBalanceGame(loaded.value, job.seed, index, job.players, job.republics));
}
