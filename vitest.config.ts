import { defineConfig } from 'vitest/config';
import { jsx } from './vite.config.ts';

export default defineConfig({
  oxc: { jsx },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
