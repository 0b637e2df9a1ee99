// The worker thread's entry: the console runs TypeScript through tsx, whose loader a worker does not inherit, so the
// sanitiser is loaded through tsx's API (sanitize-pool.ts explains why sanitising runs in a worker at all).
import { tsImport } from 'tsx/esm/api';

await tsImport('./sanitize-worker-main.ts', import.meta.url);
