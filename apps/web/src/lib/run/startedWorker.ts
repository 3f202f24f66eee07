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

/**
 * Waits for `running`, a call into a started worker, but settles at once when `signal` aborts (after `onAbort`, e.g.
 * terminating the worker, with `cancelled()`) or when the worker fails to start (`crashed`). The call may still settle
 * after a cancel; nobody waits for it then.
 */
export async function settleOnAbort<T>(
  running: Promise<T>,
  crashed: Promise<never>,
  signal: AbortSignal,
  cancelled: () => Error,
  onAbort?: () => void,
): Promise<T> {
  running.catch(() => undefined);
  let listener: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    listener = () => {
      onAbort?.();
      reject(cancelled());
    };
    signal.addEventListener("abort", listener, { once: true });
  });
  try {
    return await Promise.race([running, aborted, crashed]);
  } finally {
    signal.removeEventListener("abort", listener!);
  }
}
