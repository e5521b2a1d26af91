// Large messages compressed once, however many devices read them (issue 12's load target).
//
// After a turn every device of a room is sent the new turn report (15–34 KB of JSON, most of
// it the words of each change): 95 MB of a 50-room benchmark. Compressed it is 5–7 times
// smaller, but compressing it per socket (what the `ws` package's own permessage-deflate
// does) would cost a compression per device, each on its own zlib context. Instead the
// server negotiates permessage-deflate (RFC 7692) with `server_no_context_takeover`, lets
// `ws` compress nothing itself, and sends a large message as a frame it compressed once: a
// message compressed on its own is a valid compressed message for any device, whatever
// that device's inflater read before. The browser (or the `ws` client) inflates it before
// the page sees it, so the page reads exactly the text it would have read uncompressed and
// checks it as before; a device that did not negotiate the extension is sent the text.
import { constants, deflateRawSync } from 'node:zlib';

/**
 * Messages shorter than this (in UTF-16 units) go as they are: acks, a team's draft, the room's
 * state (≈ 1.2 KB for seven teams, sent on every submission). A compressed message is inflated
 * before any later message on its socket is read, so compressing the frequent small ones made
 * every acknowledgement behind them wait for an inflate (the benchmark's clients, whose
 * inflates queue on libuv's pool: client-side p50 ≈ 1.5–2× with a 1 KB threshold); what is
 * compressed is only what is large and rare: a turn's boards, and welcomes.
 */
export const DEFLATE_FROM = 4096;

/** What RFC 7692 has the sender drop from the end of each compressed message (the empty block a sync flush ends with). */
const TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);

/**
 * The payload of a compressed text message: raw deflate ended by a sync flush, without its
 * last four bytes (the receiver appends them). Level 1: a 34 KB report in ≈ 0.2 ms, about
 * what encoding it to UTF-8 costs, to ≈ 4.7 KB.
 */
export function deflateMessage(text: string): Buffer {
  const out = deflateRawSync(text, { level: 1, windowBits: 15, finishFlush: constants.Z_SYNC_FLUSH });
  return out.subarray(out.length - TAIL.length).equals(TAIL) ? out.subarray(0, out.length - TAIL.length) : out;
}

/** A server's (unmasked) frame carrying one whole compressed text message: FIN, RSV1 (compressed), text. */
export function deflatedFrameHeader(payloadBytes: number): Buffer {
  if (payloadBytes < 126) return Buffer.from([0xc1, payloadBytes]);
  if (payloadBytes < 0x10000) {
    const h = Buffer.alloc(4);
    h[0] = 0xc1;
    h[1] = 126;
    h.writeUInt16BE(payloadBytes, 2);
    return h;
  }
  const h = Buffer.alloc(10);
  h[0] = 0xc1;
  h[1] = 127;
  h.writeBigUInt64BE(BigInt(payloadBytes), 2);
  return h;
}
