// A device as the hub sees it, for the hub's tests (hub.test.ts, deciding.test.ts): it keeps
// every message sent to it, parsed, and how it was closed; `joinHub` connects one with a hello.
import type { Conn } from '../../src/server/hub';

export type Msg = { t: string; id?: number | null; reason?: string; [k: string]: unknown };

export class TestPeer {
  got: Msg[] = [];
  closed: number | null = null;
  send(text: string | Buffer): void {
    this.got.push(JSON.parse(typeof text === 'string' ? text : text.toString('utf8')) as Msg);
  }
  close(code: number): void {
    this.closed = code;
  }
}

/** A new peer connected to `hub` that says hello with `token` (message id 0). */
export function joinHub(hub: { connect(peer: TestPeer): Conn; frame(conn: Conn, text: string): void }, token: string): { peer: TestPeer; conn: Conn } {
  const peer = new TestPeer();
  const conn = hub.connect(peer);
  hub.frame(conn, JSON.stringify({ t: 'hello', id: 0, token }));
  return { peer, conn };
}
