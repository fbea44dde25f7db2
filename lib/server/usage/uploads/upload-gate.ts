import 'server-only';

/**
 * Uploads processed at once by one server process; more wait in line (first come, first served). Each upload in
 * its slot holds two connections of the pg pool (its transaction and its progress writes, lib/server/usage/uploads/uploads.ts),
 * so 2 slots take at most 4 of the pool's 12 (lib/server/db/pg-pool.ts, where the arithmetic is) and the other
 * requests always find one.
 * Without the gate, 5 uploads each holding one connection and waiting for a second never finished.
 */
export const UPLOAD_SLOTS = 2;

interface TGate {
  running: number;
  waiting: (() => void)[];
}

// On globalThis like the pg pool: one gate per process even if the module is loaded twice (dev reloads, bundles).
const globalForGate = globalThis as unknown as { aiFootprintUploadGate?: TGate };
globalForGate.aiFootprintUploadGate ??= { running: 0, waiting: [] };
const gate: TGate = globalForGate.aiFootprintUploadGate;

/** Runs `work` once an upload slot is free; the slot is released when it settles (resolved or thrown). */
export async function withUploadSlot<T>(work: () => Promise<T>): Promise<T> {
  if (gate.running >= UPLOAD_SLOTS) {
    // The releasing upload hands its slot straight to the next in line (`running` stays counted).
    await new Promise<void>((resolve) => gate.waiting.push(resolve));
  } else {
    gate.running += 1;
  }
  try {
    return await work();
  } finally {
    const next = gate.waiting.shift();
    if (next) {
      next();
    } else {
      gate.running -= 1;
    }
  }
}
