import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    // One test file per core. Vitest's default for a run is one less than the cores, which on CI's 2 cores is a
    // single worker while the main process (transforms, reporting) sits mostly idle.
    maxWorkers: availableParallelism(),
  },
});
