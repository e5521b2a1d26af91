// `balance --report`: the design report's games on worker threads (src/ai/report.ts
// says what is played and measured). Workers pull one task at a time; the report is
// built from the results in task order, so it does not depend on --jobs.
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../engine';
import type { ReportOptions, Task, TaskResult } from '../ai/report';
import { planReport, runPlan } from '../ai/report';
import type { DesignReport } from '../ai/reportSummary';
import { buildReport } from '../ai/reportSummary';

export async function runReport(scenario: Scenario, options: ReportOptions, jobs: number, progress: (done: number, total: number) => void): Promise<DesignReport> {
  const plan = planReport(scenario, options);
  if (jobs <= 1) return buildReport(scenario, plan, runPlan(scenario, plan, progress));
  const results: TaskResult[] = [];
  const queue: Task[] = [...plan.tasks];
  await Promise.all(
    Array.from({ length: Math.min(jobs, plan.tasks.length) }, () =>
      new Promise<void>((resolvePromise, reject) => {
        const worker = new Worker(new URL('./reportWorker.mjs', import.meta.url), { workerData: { scenario, seed: plan.options.seed } });
        const next = (): void => worker.postMessage(queue.shift() ?? null);
        worker.on('message', (r: TaskResult) => {
          results.push(r);
          progress(results.length, plan.tasks.length);
          next();
        });
        worker.on('online', next);
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`a report worker stopped with code ${code}`))));
      }),
    ),
  );
  return buildReport(scenario, plan, results);
}

/** The number of games a report plays, for the worker count (search games dominate the time, but any game keeps a worker busy). */
export const reportGames = (scenario: Scenario, options: ReportOptions): number => planReport(scenario, options).tasks.length;
