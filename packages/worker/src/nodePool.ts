import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { createPool, type Pool, type WorkerHandle } from "./pool.js";
import { NODE_WORKER_URL, takePrestartedWorker } from "./prestart.js";

export interface NodePoolOptions {
  /** Worker threads (default `os.availableParallelism()`). */
  size?: number;
  /** The worker script (default: this package's built `nodeWorker.js`). */
  workerUrl?: URL;
}

/** A worker thread running the built worker script, as a pool handle: one `prestartWorkers` started, if any is
 * waiting, else a new one. The thread does not keep the process alive while idle, so a CLI that forgets
 * `pool.close()` still exits. */
export function nodeWorkerHandle(workerUrl: URL = NODE_WORKER_URL): WorkerHandle & { worker: Worker } {
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
  return createPool({ size, createWorker: () => nodeWorkerHandle(options.workerUrl) });
}
