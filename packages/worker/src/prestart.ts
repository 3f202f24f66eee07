// Worker threads started before the program that will use them has loaded: a thread spends ~0.15 s loading core, and
// the CLI's own start-up (loading its commands and core) takes as long, so starting both at once saves that much of
// every multi-worker run. The pool takes these threads first (`nodeWorkerHandle`). Only node: modules here: the CLI's
// launcher imports this file before anything else.
import { Worker } from "node:worker_threads";

/** The pool's worker script (what `nodeWorkerHandle` starts by default). */
export const NODE_WORKER_URL = new URL("./nodeWorker.js", import.meta.url);

interface Prestarted {
  worker: Worker;
  failed: boolean;
}
const waiting: Prestarted[] = [];

/** Starts `count` worker threads now, unreferenced (the process may exit without them). One that fails before it is
 * taken is dropped, so the pool never receives a dead thread. */
export function prestartWorkers(count: number): void {
  for (let i = 0; i < count; i++) {
    const entry: Prestarted = { worker: new Worker(NODE_WORKER_URL), failed: false };
    entry.worker.unref();
    const drop = () => {
      entry.failed = true;
      const at = waiting.indexOf(entry);
      if (at >= 0) waiting.splice(at, 1);
    };
    entry.worker.once("error", drop);
    entry.worker.once("exit", drop);
    waiting.push(entry);
  }
}

/** A thread started by `prestartWorkers` for this script, or undefined; the caller registers its own listeners. */
export function takePrestartedWorker(url: URL): Worker | undefined {
  if (url.href !== NODE_WORKER_URL.href) return undefined;
  const entry = waiting.shift();
  if (!entry) return undefined;
  entry.worker.removeAllListeners("error");
  entry.worker.removeAllListeners("exit");
  return entry.worker;
}

/** Threads started and not yet taken (for tests). */
export function prestartedCount(): number {
  return waiting.length;
}
