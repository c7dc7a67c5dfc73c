import { EngineClient } from './engine-client.ts';
import { startStorageSession } from './storage/session-start.ts';

// Before the worker starts, which imports the kept reference files again: a new tab with
// "Keep data on this computer" off first erases what an earlier tab left.
await startStorageSession();

/** One engine worker per page. */
export const engine = new EngineClient();
