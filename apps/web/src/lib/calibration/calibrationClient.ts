import { proxy, wrap, type Remote } from "comlink";
import type { CalibrationWorkerApi } from "./calibrationWorker";

let worker: Worker | undefined;
let remote: Remote<CalibrationWorkerApi> | undefined;

/** The page's calibration worker, started on first use and kept (it holds the log read last). */
export function calibrationWorker(): Remote<CalibrationWorkerApi> {
  if (!remote) {
    worker = new Worker(new URL("./calibrationWorker.ts", import.meta.url), { type: "module" });
    remote = wrap<CalibrationWorkerApi>(worker);
  }
  return remote;
}

/** A callback the worker may call back (progress). */
export const callback = <T extends (...args: never[]) => unknown>(fn: T) => proxy(fn);
