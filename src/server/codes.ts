// The codes people type: a room code read off the projector and a team's join code typed
// on a phone. Drawn from node:crypto (a join code is a key to a team's orders), from an
// alphabet without the characters people confuse (0/O, 1/I).
import { randomBytes, randomInt } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 5;
export const TEAM_CODE_LENGTH = 6;

export function randomCode(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** The facilitator's secret: 24 random bytes as 32 URL-safe characters (192 bits). */
export const facilitatorSecret = (): string => randomBytes(24).toString('base64url');

/** A code not in `taken` (the caller's set of every token in use). */
export function freshCode(length: number, taken: (code: string) => boolean): string {
  // 32^5 = 33 million room codes: a collision is rare, and a few retries make it vanish.
  for (let i = 0; i < 100; i++) {
    const c = randomCode(length);
    if (!taken(c)) return c;
  }
  throw new Error('no free code found: too many rooms');
}
