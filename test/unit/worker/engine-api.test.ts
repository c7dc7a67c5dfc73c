import { describe, expect, expectTypeOf, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.ts';
import { CALLABLE, isCallable, type EngineMethod } from '../../../src/engine/engine-api.ts';
import type { WorkerRequest } from '../../../src/worker/protocol.ts';

/**
 * Engine methods kept inside the worker or Node, decided one by one: loading has its own
 * worker message (File objects, progress); refresh and loadReference are the worker's own
 * steps; rejects, exportLines and exportAdjudications are the CLI's.
 */
const INTERNAL = ['loadFile', 'loadFiles', 'refresh', 'loadReference', 'rejects', 'exportLines', 'exportAdjudications', 'codeChanges'];

const publicMethods = Object.getOwnPropertyNames(Engine.prototype).filter(
  (name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(Engine.prototype, name)?.value === 'function',
);

describe('the engine methods the worker exposes', () => {
  it('are exactly the allow-list', () => {
    expect(publicMethods.filter(isCallable).sort()).toEqual([...CALLABLE].sort());
  });

  it('leave out loading, refresh, the CLI exports and the database', () => {
    for (const name of [...INTERNAL, 'db', 'constructor', 'toString', '__proto__']) expect(isCallable(name), name).toBe(false);
  });

  it('are each an Engine method, listed once', () => {
    for (const name of CALLABLE) expect(publicMethods, name).toContain(name);
    expect(new Set(CALLABLE).size).toBe(CALLABLE.length);
  });

  it('leave no public method undecided: a new one goes into the allow-list or is kept inside on purpose', () => {
    expect(publicMethods.filter((m) => !isCallable(m)).sort()).toEqual([...INTERNAL].sort());
  });

  it('type the worker request by the allow-list', () => {
    expectTypeOf<Extract<WorkerRequest, { kind: 'call' }>['method']>().toEqualTypeOf<EngineMethod>();
    expectTypeOf<EngineMethod>().toEqualTypeOf<(typeof CALLABLE)[number]>();
  });
});
