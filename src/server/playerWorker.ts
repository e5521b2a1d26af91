// A computer player's thread (playerPool.ts): answers each decision it is sent with the
// room model's own `decide`, so an answer is the same as if the server had decided in place.
// A player that throws fails only that decision; the thread goes on.
import { parentPort } from 'node:worker_threads';
import type { Decision } from '../classroom/decide';
import { decide } from '../classroom/decide';
import type { WorkerAnswer } from './playerPool';

parentPort?.on('message', (m: { id: number; request: Decision }) => {
  let answer: WorkerAnswer;
  try {
    answer = { id: m.id, ok: true, value: decide(m.request) };
  } catch (e) {
    answer = { id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(answer);
});
