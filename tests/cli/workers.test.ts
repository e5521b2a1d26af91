// balance starts no more worker threads than processor cores, nor than games, and says
// when it started fewer than asked.
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/cli/balance';

describe('workerCount', () => {
  it('uses every core by default, but no more workers than games', () => {
    expect(workerCount(undefined, 1000, 8)).toEqual({ jobs: 8 });
    expect(workerCount(undefined, 3, 8)).toEqual({ jobs: 3 });
  });
  it('keeps a request within the cores and the games', () => {
    expect(workerCount(2, 1000, 8)).toEqual({ jobs: 2 });
    expect(workerCount(8, 8, 8)).toEqual({ jobs: 8 });
  });
  it('lowers a larger request to the cores, or to the games, with a note', () => {
    expect(workerCount(64, 64, 2)).toEqual({ jobs: 2, note: 'note: --jobs 64 lowered to 2 (this machine has 2 processor cores)' });
    expect(workerCount(1000, 100000, 1)).toEqual({ jobs: 1, note: 'note: --jobs 1000 lowered to 1 (this machine has 1 processor core)' });
    expect(workerCount(1000, 3, 8)).toEqual({ jobs: 3, note: 'note: --jobs 1000 lowered to 3 (there are 3 games to play)' });
    expect(workerCount(1000, 1, 8)).toEqual({ jobs: 1, note: 'note: --jobs 1000 lowered to 1 (there is 1 game to play)' });
  });
});
