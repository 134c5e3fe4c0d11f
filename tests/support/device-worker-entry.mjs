// A worker's uncaught error reaches the test with its stack: long enough to name the caller in rxjs.
Error.stackTraceLimit = 60;
// Worker threads do not inherit tsx's loader on Node 20: load the TypeScript worker through it.
import { tsImport } from 'tsx/esm/api';

await tsImport('./device-worker.ts', import.meta.url);
