// Compile-time constants defined in vite.config.ts (absent under vitest: read them through src/pwa/version.ts).
declare const __APP_VERSION__: string;
declare const __APP_BUILD__: string;
