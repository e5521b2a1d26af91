/**
 * performance.now() plus this is the machine's monotonic clock (ms since boot), the same in
 * every process, so the server's and the benchmark clients' times of one acknowledgement
 * can be set side by side. Read between two readings of that clock, the closest pair of
 * several: on a loaded machine a process can lose its core between two calls, and one such
 * offset would shift all of its times.
 */
export const MONOTONIC_OFFSET = ((): number => {
  let best = { width: Infinity, offset: 0 };
  for (let i = 0; i < 50; i++) {
    const before = process.hrtime.bigint();
    const now = performance.now();
    const after = process.hrtime.bigint();
    const width = Number(after - before);
    if (width < best.width) best = { width, offset: Number(before + after) / 2e6 - now };
  }
  return best.offset;
})();
