import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The PWA plugin (service worker, manifest) is configured in src/pwa/; see README "Offline".
export default defineConfig({
  plugins: [preact()],
  build: { target: 'es2022', sourcemap: true },
});
