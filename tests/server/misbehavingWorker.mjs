// A computer player's thread that misbehaves on request, for tests/server/playerPool.test.ts:
// { throw: true } throws out of the handler (the thread dies with an error), { exit: n }
// ends the thread, { hang: true } never answers; anything else is echoed back, after
// { gate: SharedArrayBuffer } has counted itself in (the buffer's second number) and waited
// until the test opens the gate (sets the first).
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (m) => {
  const r = m.request;
  if (r.throw) throw new Error('a bug in the player');
  if (r.exit !== undefined) process.exit(r.exit);
  if (r.hang) for (;;);
  if (r.gate) {
    const g = new Int32Array(r.gate);
    Atomics.add(g, 1, 1);
    Atomics.wait(g, 0, 0);
    return parentPort?.postMessage({ id: m.id, ok: true, value: { echo: r.n } });
  }
  parentPort?.postMessage({ id: m.id, ok: true, value: { echo: r } });
});
