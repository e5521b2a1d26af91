import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    // Phaser alone is ~1.4 MB minified (350 KB gzip) and lives in its own chunk; our code stays far below this.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Phaser is large and changes rarely: its own chunk caches separately from game code.
        manualChunks: (id: string) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
});
