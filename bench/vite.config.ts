// Builds bench/bench.html: the engine (src/state/app.ts) without the UI, so import, append, seek and rebuild can
// be measured (and CPU-profiled) at the engine level. Not minified, so profiles name the functions; source maps
// let bench/lib/profile.mjs attribute each sample to its module.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    rollupOptions: { input: { bench: fileURLToPath(new URL('./bench.html', import.meta.url)) } },
  },
});
