import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The local front door (npm start) serves the API and /config.json on 8080; `vite` dev forwards to it.
const FRONT_DOOR = 'http://localhost:8080';

export default defineConfig({
  // Workspace packages export TypeScript sources (`src/index.ts`, imports with `.ts`); Vite transforms them
  // like our own files because the npm-workspace symlinks resolve outside node_modules.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // edge: Zod without eval, so the strict CSP reports nothing (src/zod-jitless.ts; decision 0023).
  resolve: { alias: [{ find: /^zod\/mini$/, replacement: fileURLToPath(new URL('./src/zod-jitless.ts', import.meta.url)) }] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      // React Router and TanStack Query mark modules "use client" for server components; meaningless in an SPA.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '/api': FRONT_DOOR, '/config.json': FRONT_DOOR } },
});
