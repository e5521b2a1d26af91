// A token bucket per connection: a client may send `rate` messages a second on average and
// `burst` at once (a team pasting a whole draft, a reconnect sending a few at once). The
// clock is passed in, so the limiter is tested without waiting.

export interface BucketOptions {
  /** Tokens added per second. */
  rate: number;
  /** Most tokens held (and the first burst allowed). */
  burst: number;
  /** Messages refused in a row, with no message allowed between, after which the client is abusive. */
  abuseAfter: number;
}

export const DEFAULT_BUCKET: BucketOptions = { rate: 20, burst: 40, abuseAfter: 100 };

export type Verdict = 'ok' | 'refuse' | 'close';

export class TokenBucket {
  private tokens: number;
  private last: number;
  /** Messages refused since the last one allowed. */
  private refusedInARow = 0;

  constructor(
    private readonly opts: BucketOptions,
    now: number,
  ) {
    this.tokens = opts.burst;
    this.last = now;
  }

  /** Takes one token for a message arriving at `now` (ms). */
  take(now: number): Verdict {
    // A clock that steps back (it should not: callers use a monotonic one) must not drain the bucket.
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.opts.burst, this.tokens + elapsed * this.opts.rate);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.refusedInARow = 0;
      return 'ok';
    }
    this.refusedInARow++;
    return this.refusedInARow >= this.opts.abuseAfter ? 'close' : 'refuse';
  }
}
