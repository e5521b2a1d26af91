// A worker thread of `balance --report`: plays each task it is sent and posts the
// game's metrics back; it is sent one task at a time, so a slow search game does not
// hold up a queue (the results do not depend on which worker played what).
import { parentPort, workerData } from 'node:worker_threads';
import { loadScenario } from '../engine';
import type { Task } from '../ai/report';
import { runTask, VariantCache } from '../ai/report';

const { scenario, seed } = workerData as { scenario: unknown; seed: string };
const loaded = loadScenario(scenario);
if (!loaded.ok) throw new Error('worker received an invalid scenario');
const variants = new VariantCache(loaded.value);
parentPort?.on('message', (task: Task | null) => {
  if (task === null) parentPort?.close();
  else parentPort?.postMessage(runTask(variants, seed, task));
});
