import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/server/rateLimit';

const opts = { rate: 20, burst: 40, abuseAfter: 100 };

describe('token bucket', () => {
  it('allows a burst, then refuses until tokens come back at the rate', () => {
    const b = new TokenBucket(opts, 0);
    const first = Array.from({ length: 45 }, () => b.take(0));
    expect(first.filter((v) => v === 'ok')).toHaveLength(40);
    expect(first.slice(40)).toEqual(['refuse', 'refuse', 'refuse', 'refuse', 'refuse']);
    // 100 ms at 20/s gives two messages back.
    expect([b.take(100), b.take(100), b.take(100)]).toEqual(['ok', 'ok', 'refuse']);
  });

  it('lets a steady 20 messages a second through for ever', () => {
    const b = new TokenBucket(opts, 0);
    for (let i = 0; i < 40; i++) b.take(0);
    for (let t = 50; t < 60_000; t += 50) expect(b.take(t)).toBe('ok');
  });

  it('holds no more than the burst after a long quiet', () => {
    const b = new TokenBucket(opts, 0);
    const after = Array.from({ length: 41 }, () => b.take(3_600_000));
    expect(after.filter((v) => v === 'ok')).toHaveLength(40);
  });

  it('calls sustained flooding abuse, and forgives after an allowed message', () => {
    const b = new TokenBucket(opts, 0);
    for (let i = 0; i < 40; i++) b.take(0);
    for (let i = 1; i < 100; i++) expect(b.take(0)).toBe('refuse');
    expect(b.take(0)).toBe('close');
    const c = new TokenBucket(opts, 0);
    for (let i = 0; i < 40; i++) c.take(0);
    for (let i = 1; i < 99; i++) c.take(0);
    expect(c.take(50)).toBe('ok');
    for (let i = 1; i < 100; i++) expect(c.take(50)).toBe('refuse');
  });

  it('does not drain when the clock steps back', () => {
    const b = new TokenBucket(opts, 1000);
    expect(b.take(0)).toBe('ok');
    expect(b.take(500)).toBe('ok');
  });
});
