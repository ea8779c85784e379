import { setImmediate } from "node:timers/promises";
import { throwIfProjectionCancelled } from "../projection-cancelled-error";

// Yielding to the event loop after every row would be slow; never yielding
// would leave an abort (which arrives as an event) unnoticed until the end.
const YIELD_EVERY_MS = 20;

/** Checks for cancellation between pieces of synchronous work and yields to the event loop every few milliseconds so that an abort can arrive. */
export interface Pacer {
  tick(): Promise<void>;
}

export function createPacer(signal: AbortSignal | undefined, what: string): Pacer {
  let lastYield = performance.now();
  return {
    async tick() {
      throwIfProjectionCancelled(signal, what);
      if (performance.now() - lastYield < YIELD_EVERY_MS) return;
      await setImmediate();
      lastYield = performance.now();
      throwIfProjectionCancelled(signal, what);
    },
  };
}
