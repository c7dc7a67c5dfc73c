import { EngineClient } from './engine-client.ts';

/** One engine worker per page. */
export const engine = new EngineClient();
