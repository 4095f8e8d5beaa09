/**
 * The SPA's `zod/mini` (vite.config.ts aliases every `import … from 'zod/mini'` of the browser build here, the
 * contract's and the domain's included; all of them use the mini API, docs/decisions/0025-lean-functions.md). The
 * Content-Security-Policy has no 'unsafe-eval' (docs/decisions/0023-edge-and-deploy.md);
 * without `jitless`, Zod calls `Function('')` when the first object schema is created, to see whether it may compile
 * faster parsers, and the browser refuses and reports that as a violation. An importer's module body runs after
 * this one, so no schema is created before the setting.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4/mini';
export { z as default } from 'zod/v4/mini';
