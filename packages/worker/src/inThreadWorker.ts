// A pool slot that simulates in the calling thread. On two cores a CLI run with two worker threads had three threads
// wanting them: both workers, and this thread folding their results (and, at the start, loading the CLI beside the
// two workers loading core). With this slot as one of the pool's, `--workers 2` is this thread and one worker thread:
// one thread less to start, and half the results never copied between threads. Node only (setImmediate); a page's
// main thread must stay free for the page, so the browser pool never uses it.
import type { Remote } from "comlink";
import { clearPlanCache, runChunk, type WorkerApi } from "./api.js";
import type { WorkerHandle } from "./pool.js";

/** The in-thread slot's chunks last about this long, a quarter of a worker thread's: a worker thread whose chunk ends
 * while this thread simulates waits for it to hand out the next (it has one queued, so it only idles when this thread's
 * chunk outlasts its queued one, which a quarter of its length does not, unless one replication alone takes longer). */
export const IN_THREAD_CHUNK_MS = 50;

/**
 * A worker handle whose calls run in this thread, one at a time, each in its own turn of the event loop
 * (`setImmediate`): between two chunks this thread hears the worker threads' messages, folds their results and hands
 * them their next chunks. A chunk, once started, runs to its end (it blocks the thread for its ~50 ms, or its one replication's time); `terminate`
 * drops the calls not yet started, whose promises then never settle (the pool has forgotten them). An error comes back
 * as the call's rejection, as a worker's would; nothing here can crash the way a thread does.
 */
export function inThreadWorkerHandle(): WorkerHandle {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  let stopped = false;
  const runNext = () => {
    scheduled = false;
    waiting.shift()?.();
    if (waiting.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(runNext);
  };
  const call = <T>(work: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      });
      schedule();
    });
  const api = {
    runChunk: (...args: Parameters<typeof runChunk>) => call(() => runChunk(...args)),
    clearPlanCache: () => call(clearPlanCache),
    ready: () => Promise.resolve(true),
  } as unknown as Remote<WorkerApi>;
  return {
    api,
    inThread: true,
    chunkMs: IN_THREAD_CHUNK_MS,
    terminate: () => {
      stopped = true;
      waiting.length = 0;
    },
    onCrash: () => undefined,
  };
}
