import { wrap, type Endpoint, type Remote } from "comlink";

/** A module worker as the page keeps it: the worker, its comlink remote, and a promise that rejects if it fails to start. */
export interface StartedWorker<Api> {
  raw: Worker;
  remote: Remote<Api>;
  crashed: Promise<never>;
}

/**
 * Wraps a module worker just created (the `new Worker(new URL(…), { type: "module" })` stays where it is written, which is
 * where Vite finds and bundles it) and watches for errors outside comlink calls: a module that fails to load or throws at
 * its top level. Then `onGone` runs (the caller forgets the worker), the worker is terminated and `crashed` rejects with
 * "the <label> failed to start: …".
 */
export function startedWorker<Api>(raw: Worker, label: string, onGone: () => void): StartedWorker<Api> {
  const crashed = new Promise<never>((_, reject) => {
    raw.addEventListener("error", (event) => {
      event.preventDefault();
      onGone();
      raw.terminate();
      reject(new Error(`the ${label} failed to start${event.message ? `: ${event.message}` : ""}`));
    });
  });
  crashed.catch(() => undefined);
  return { raw, remote: wrap<Api>(raw as unknown as Endpoint), crashed };
}
