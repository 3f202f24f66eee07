import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Endpoint } from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { inThreadWorkerHandle } from "./inThreadWorker.js";
import { createPool, type Pool, type WorkerHandle } from "./pool.js";
import { NODE_WORKER_URL, takePrestartedWorker } from "./prestart.js";

export interface NodePoolOptions {
  /** Worker threads (default `os.availableParallelism()`). */
  size?: number;
  /** The worker script (default: this package's built `nodeWorker.js`). */
  workerUrl?: URL;
  /** This thread simulates too, as one of the `size` (the first the pool starts; `inThreadWorkerHandle`), beside
   * `size − 1` worker threads: for a program that has nothing else to do meanwhile (the CLI), not for one that must
   * stay responsive. Default false. */
  inThread?: boolean;
}

/** A worker thread running the built worker script, as a pool handle: one `prestartWorkers` started, if any is
 * waiting, else a new one. The thread does not keep the process alive while idle, so a CLI that forgets
 * `pool.close()` still exits. */
export function nodeWorkerHandle(workerUrl: URL = NODE_WORKER_URL): WorkerHandle & { worker: Worker; endpoint: Endpoint } {
  const worker = takePrestartedWorker(workerUrl) ?? new Worker(workerUrl);
  return {
    worker,
    endpoint: nodeEndpoint(worker),
    terminate: () => worker.terminate(),
    onCrash: (listener) => {
      worker.on("error", listener);
      worker.on("exit", (code) => listener(new Error(`the worker thread exited with code ${code}`)));
    },
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  };
}

/** A pool of Node worker threads with the same API as the browser pool (for the CLI's `--workers`). */
export function createNodePool(options: NodePoolOptions = {}): Pool {
  const size = options.size ?? availableParallelism();
  let inThreadTaken = false;
  const createWorker = (): WorkerHandle => {
    if (!options.inThread || inThreadTaken) return nodeWorkerHandle(options.workerUrl);
    // One slot at most runs here; when the pool drops it (a chunk that threw), the next one may run here again.
    const handle = inThreadWorkerHandle();
    inThreadTaken = true;
    return {
      ...handle,
      terminate: () => {
        inThreadTaken = false;
        return handle.terminate();
      },
    };
  };
  return createPool({ size, createWorker });
}
