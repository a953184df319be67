// Entry of each --worlds worker thread: registers tsx in the thread, then loads the TypeScript worker.
// Loader hooks are not inherited by worker threads, and on Node 20 a worker started on a .ts file
// with execArgv ['--import', 'tsx'] still fails with 'Unknown file extension ".ts"'; registering
// here works under `npm run sim` (tsx), plain `node --import tsx` and vitest alike.
import { register } from 'tsx/esm/api';

register();
await import('./worldsWorker.ts');
