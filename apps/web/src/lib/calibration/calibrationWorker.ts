// The calibration worker: reading, fitting and backtesting a call log off the page's thread.
import { expose, type Endpoint } from "comlink";
import { backtestDays, calibrateDays, readLog } from "./calibrationApi";

const api = {
  readLog,
  calibrateDays,
  async backtestDays(...args: Parameters<typeof backtestDays>) {
    return backtestDays(...args);
  },
};
export type CalibrationWorkerApi = typeof api;

// `self`: comlink's default endpoint is globalThis; the cast because this file type-checks with the DOM lib.
expose(api, self as unknown as Endpoint);
