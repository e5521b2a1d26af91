// Large messages compressed once for every device (src/server/deflate.ts, sockets.ts): what a
// device reads is the very text, in the very order, whether it negotiated permessage-deflate
// or not; and the frames are what RFC 7692 and RFC 6455 say, for every length form.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Conn, Peer } from '../../src/server/hub';
import { DEFLATE_FROM, deflatedFrameHeader, deflateMessage } from '../../src/server/deflate';
import { Sockets } from '../../src/server/sockets';

const TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);
/** A turn report's worth of text, not all of it repetitive, with characters outside ASCII. */
const report = (n: number): string => JSON.stringify({ t: 'game', changes: Array.from({ length: n }, (_, i) => ({ what: `Beijing's influence in Kyrgyzstan — ${i}`, from: i * 7, to: (i * 13) % 101 })) });

describe('a compressed message', () => {
  it('inflates (with the tail RFC 7692 has the receiver append) to the very text', () => {
    for (const text of [report(3), report(60), report(2000), 'ü'.repeat(5000)]) {
      const payload = deflateMessage(text);
      expect(payload.subarray(-4).equals(TAIL)).toBe(false);
      expect(inflateRawSync(Buffer.concat([payload, TAIL]), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8')).toBe(text);
    }
    // A turn report is several times smaller.
    expect(deflateMessage(report(100)).byteLength * 4).toBeLessThan(Buffer.byteLength(report(100)));
  });

  it('is framed as one final, compressed text frame, its length in the shortest form', () => {
    expect([...deflatedFrameHeader(125)]).toEqual([0xc1, 125]);
    expect([...deflatedFrameHeader(126)]).toEqual([0xc1, 126, 0, 126]);
    expect([...deflatedFrameHeader(65535)]).toEqual([0xc1, 126, 0xff, 0xff]);
    expect([...deflatedFrameHeader(65536)]).toEqual([0xc1, 127, 0, 0, 0, 0, 0, 1, 0, 0]);
  });
});

describe('the socket layer', () => {
  const peers: Peer[] = [];
  const http = createServer();
  const sockets = new Sockets({
    connect(peer: Peer): Conn {
      peers.push(peer);
      return { peer, room: null, who: null, badHellos: 0, open: true };
    },
    frame: () => undefined,
    disconnect: () => undefined,
  });
  http.on('upgrade', (req, socket, head) => sockets.upgrade(req, socket, head));
  let port = 0;
  beforeAll(() => new Promise<void>((done) => http.listen(0, '127.0.0.1', () => ((port = (http.address() as AddressInfo).port), done()))));
  afterAll(() => {
    sockets.close();
    return new Promise<void>((done) => http.close(() => done()));
  });

  /** A client socket, and its server-side peer once connected; `texts` collects what it reads. */
  async function open(deflate: boolean): Promise<{ ws: WebSocket; peer: Peer; texts: string[] }> {
    const before = peers.length;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { perMessageDeflate: deflate });
    const texts: string[] = [];
    ws.on('message', (data: Buffer, isBinary) => texts.push(isBinary ? '(binary)' : data.toString('utf8')));
    await new Promise((done, fail) => ws.once('open', done).once('error', fail));
    for (let i = 0; i < 100 && peers.length === before; i++) await new Promise((r) => setTimeout(r, 5));
    const peer = peers[before];
    if (!peer) throw new Error('no peer');
    return { ws, peer, texts };
  }

  it('sends a device that offered permessage-deflate large messages compressed, in order among the others', async () => {
    const d = await open(true);
    expect(d.ws.extensions).toBe('permessage-deflate');
    const sendDeflated = d.peer.sendDeflated?.bind(d.peer);
    if (!sendDeflated) throw new Error('the peer cannot be sent compressed frames');
    const sent = [report(10), '{"t":"ack","id":1}', report(3000), report(200), '{"t":"ack","id":2}'];
    for (const text of sent) {
      if (text.length >= DEFLATE_FROM) sendDeflated(deflateMessage(text));
      else d.peer.send(text);
    }
    // The same compressed payload to a second device (what the hub does: one compression for all).
    const other = await open(true);
    const shared = deflateMessage(report(200));
    other.peer.sendDeflated?.(shared);
    other.peer.sendDeflated?.(shared);
    for (let i = 0; i < 200 && (d.texts.length < sent.length || other.texts.length < 2); i++) await new Promise((r) => setTimeout(r, 5));
    expect(d.texts).toEqual(sent);
    expect(other.texts).toEqual([report(200), report(200)]);
    d.ws.close();
    other.ws.close();
  });

  it('offers a device that did not negotiate it nothing but text', async () => {
    const d = await open(false);
    expect(d.ws.extensions).toBe('');
    expect(d.peer.sendDeflated).toBeUndefined();
    d.peer.send(report(300));
    for (let i = 0; i < 100 && d.texts.length < 1; i++) await new Promise((r) => setTimeout(r, 5));
    expect(d.texts).toEqual([report(300)]);
    d.ws.close();
  });
});
