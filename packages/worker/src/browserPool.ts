import type { Endpoint } from "comlink";
import { createPool, type Pool } from "./pool.js";

export interface BrowserPoolOptions {
  /** Workers (default `navigator.hardwareConcurrency`, at least 1). */
  size?: number;
}

/** A pool of module Web Workers running `worker.js` (bundlers such as Vite pick up the `new URL` pattern
 * and emit the worker as its own chunk). */
export function createBrowserPool(options: BrowserPoolOptions = {}): Pool {
  const size = options.size ?? Math.max(1, navigator.hardwareConcurrency || 1);
  return createPool({
    size,
    createWorker: () => {
      const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "ccplan" });
      return {
        endpoint: worker as unknown as Endpoint,
        terminate: () => worker.terminate(),
        onCrash: (listener) => {
          // An "error" event reaches the page only for errors outside comlink calls: a module that
          // fails to load or an exception thrown at the top level of the worker.
          worker.addEventListener("error", (event) => {
            event.preventDefault();
            listener(new Error(event.message || "the worker failed to load"));
          });
          worker.addEventListener("messageerror", () => listener(new Error("a message from the worker could not be read")));
        },
      };
    },
  });
}
