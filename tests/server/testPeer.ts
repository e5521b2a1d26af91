// A device as the hub sees it, for the hub's tests (hub.test.ts, deciding.test.ts): it keeps
// every message sent to it, parsed, and how it was closed; `joinHub` connects one with a hello.
import type { Conn } from '../../src/server/hub';

export type Msg = { t: string; id?: number | null; reason?: string; [k: string]: unknown };

export class TestPeer {
  got: Msg[] = [];
  closed: number | null = null;
  /** How deep it is corked now, and the kinds of the messages sent while it was (they would leave in one write). */
  corked = 0;
  sentCorked: string[] = [];
  send(text: string | Buffer): void {
    const msg = JSON.parse(typeof text === 'string' ? text : text.toString('utf8')) as Msg;
    this.got.push(msg);
    if (this.corked > 0) this.sentCorked.push(msg.t);
  }
  cork(): void {
    this.corked++;
  }
  uncork(): void {
    this.corked--;
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
