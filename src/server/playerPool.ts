// The computer players' threads. A strong player thinks for about half a second per
// decision (search:3 on classroom-short); on the server's one thread every room would wait
// for it. The pool runs decisions on a few worker threads (node:worker_threads) instead:
// the hub asks, goes on serving every room, and logs the answer when it comes (hub.ts).
//
// Each thread takes one decision at a time (a decision is one long synchronous search, so
// queueing in the thread would gain nothing, and an idle thread may take the next one).
// Decisions of different rooms run at once, on as many threads as there are; the decisions
// of one room (its `key`) run one after another, in the order asked, so its answers come back,
// and are logged, in that order whatever the threads' speed: the same log every time. A
// thread that throws, dies or takes too long fails only the decision it was making: the
// pool reports it, ends the thread and starts another when there is work. Threads start
// when first needed, so a server whose rooms have no computer player starts none.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface PlayerPoolOptions {
  /** Threads at most: by default one per processor core but one (the server's own thread), at least one. */
  size?: number;
  /** A decision not answered in this time fails (its thread is ended). */
  timeoutMs?: number;
  /** The worker's script (tests give one that misbehaves). */
  script?: URL;
}

interface Job {
  readonly id: number;
  readonly request: unknown;
  /** Whose decision it is (a room): one job of a key at a time. */
  readonly key: string | null;
  resolve(value: unknown): void;
  reject(e: Error): void;
}

interface Thread {
  readonly worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** What a worker posts back for a request. */
export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export const defaultPoolSize = (): number => Math.max(1, availableParallelism() - 1);

export class PlayerPool {
  private readonly threads: Thread[] = [];
  private readonly queue: Job[] = [];
  private next = 1;
  private closed = false;
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly script: URL;

  constructor(opts: PlayerPoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? defaultPoolSize());
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    // Worker threads do not inherit tsx's loader: the .mjs registers it, then loads the TypeScript worker.
    this.script = opts.script ?? new URL('./playerWorker.mjs', import.meta.url);
  }

  /** The answer to one request, from whichever thread is free first, after every request of the same `key` asked before it. */
  decide(request: unknown, key: string | null = null): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the server is stopping'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.next++, request, key, resolve, reject });
      this.pump();
    });
  }

  /** Threads running now (for tests). */
  get running(): number {
    return this.threads.length;
  }

  /** Fails what is waiting and ends every thread. */
  async close(): Promise<void> {
    this.closed = true;
    const stopping = new Error('the server is stopping');
    for (const job of this.queue.splice(0)) job.reject(stopping);
    const threads = this.threads.splice(0);
    for (const t of threads) {
      if (t.timer) clearTimeout(t.timer);
      t.job?.reject(stopping);
      t.job = null;
    }
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      // The first job waiting whose key has none running (the jobs of one key stay in order in the queue).
      const busy = new Set(this.threads.flatMap((t) => (t.job?.key != null ? [t.job.key] : [])));
      const at = this.queue.findIndex((j) => j.key === null || !busy.has(j.key));
      if (at < 0) return;
      const thread = this.threads.find((t) => t.job === null) ?? (this.threads.length < this.size ? this.spawn() : undefined);
      if (!thread) return;
      const job = this.queue.splice(at, 1)[0] as Job;
      thread.job = job;
      thread.timer = setTimeout(() => this.fail(thread, new Error(`no answer in ${Math.round(this.timeoutMs / 1000)} s`)), this.timeoutMs);
      try {
        thread.worker.postMessage({ id: job.id, request: job.request });
      } catch (e) {
        // A request that cannot be copied to the thread fails alone; the thread stays.
        clearTimeout(thread.timer);
        thread.timer = null;
        thread.job = null;
        job.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }

  private spawn(): Thread {
    const thread: Thread = { worker: new Worker(this.script), job: null, timer: null };
    thread.worker.on('message', (m: WorkerAnswer) => {
      const job = thread.job;
      if (!job || job.id !== m.id) return;
      if (thread.timer) clearTimeout(thread.timer);
      thread.timer = null;
      thread.job = null;
      if (m.ok) job.resolve(m.value);
      else job.reject(new Error(m.error));
      this.pump();
    });
    thread.worker.on('error', (e) => this.fail(thread, e));
    thread.worker.on('exit', (code) => this.fail(thread, new Error(`the computer player's thread stopped (exit code ${code})`)));
    // The pool alone never keeps the process alive: the server decides when it stops.
    thread.worker.unref();
    this.threads.push(thread);
    return thread;
  }

  /** A thread that failed: its decision fails, the thread is ended, and the work goes on elsewhere. */
  private fail(thread: Thread, e: Error): void {
    const i = this.threads.indexOf(thread);
    if (i < 0) return;
    this.threads.splice(i, 1);
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    const job = thread.job;
    thread.job = null;
    job?.reject(e);
    void thread.worker.terminate();
    this.pump();
  }
}
