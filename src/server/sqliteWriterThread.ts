// The writer thread of `--writer-thread` (sqliteWriter.ts): the one connection to the
// database, committing the hub's batches with synchronous=FULL while the hub's thread goes
// on reading frames. Everything the hub's thread sends comes through one port, so it is
// done in the order sent: a read or a room's creation sees every batch sent before it.
//
// Batches that arrive while a commit runs are committed together in the next transaction
// (a second group commit: one fsync for all of them). Once a commit fails, every batch sent
// after it is refused too, until the hub's thread says `reset`: those batches were made from
// rooms that folded in the refused entries, and the hub rebuilds those rooms first.
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { AppendText } from './sqliteStore';
import { SqliteStore } from './sqliteStore';
import type { ToWriter, WriterCall, FromWriter } from './sqliteWriter';

const { path, reply, flag } = workerData as { path: string; reply: MessagePort; flag: Int32Array };
let store: SqliteStore<unknown, unknown> | null = null;
let pending: { seq: number; batch: readonly AppendText[] }[] = [];
let failed: string | null = null;
let scheduled = false;

const tell = (m: FromWriter): void => parentPort?.postMessage(m);

function commit(): void {
  scheduled = false;
  if (pending.length === 0) return;
  const batches = pending;
  pending = [];
  const upTo = batches[batches.length - 1]?.seq ?? 0;
  if (failed !== null || store === null) {
    Atomics.store(flag, 2, upTo);
    return tell({ t: 'committed', upTo, ok: false, error: failed ?? 'the store is closed' });
  }
  try {
    store.appendText(batches.flatMap((b) => b.batch));
    // The hub's thread may read this word before the message reaches it (SqliteWriterStore.poll).
    Atomics.store(flag, 1, upTo);
    tell({ t: 'committed', upTo, ok: true });
  } catch (e) {
    Atomics.store(flag, 2, upTo);
    failed = `an earlier commit failed: ${e instanceof Error ? e.message : String(e)}`;
    tell({ t: 'committed', upTo, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

function call(c: WriterCall): unknown {
  if (c.op === 'open') {
    store = new SqliteStore(path);
    return null;
  }
  if (!store) throw new Error('the store is closed');
  switch (c.op) {
    case 'create':
      return store.create(c.code, c.creation, c.at);
    case 'load':
      return store.load(c.code);
    case 'loadAll':
      return store.loadAll();
    case 'close':
      store.close();
      store = null;
      return null;
  }
}

parentPort?.on('message', (m: ToWriter) => {
  if (m.t === 'append') {
    pending.push({ seq: m.seq, batch: m.batch });
    if (!scheduled) {
      scheduled = true;
      setImmediate(commit);
    }
    return;
  }
  // Batches sent before anything else are committed (or refused) first.
  commit();
  if (m.t === 'reset') {
    failed = null;
    return;
  }
  let answer: { ok: true; value: unknown } | { ok: false; error: string };
  try {
    answer = { ok: true, value: call(m.call) };
  } catch (e) {
    answer = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  reply.postMessage({ id: m.id, ...answer });
  // The hub's thread waits on this word (Atomics.wait): the answer is on the port before it wakes.
  Atomics.store(flag, 0, m.id);
  Atomics.notify(flag, 0);
});
