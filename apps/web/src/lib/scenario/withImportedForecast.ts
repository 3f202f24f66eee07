import type { ImportedForecast } from "./forecastCsv.js";
import type { Draft } from "./draft.js";

/**
 * The draft with an imported forecast as queue `queueIndex`'s contacts per interval (its day-level variation kept),
 * the interval length of the file, and, when the file's starts were dated, its days and first date. A new object:
 * the caller validates it with core before it replaces anything.
 */
export function withImportedForecast(draft: Draft, queueIndex: number, forecast: ImportedForecast): Draft {
  const copy = structuredClone(draft) as Draft & { queues?: unknown };
  const queues = Array.isArray(copy.queues) ? copy.queues : [];
  const queue = queues[queueIndex] as Record<string, unknown> | undefined;
  if (!queue || typeof queue !== "object") return copy;
  const old = typeof queue.forecast === "object" && queue.forecast !== null ? (queue.forecast as Record<string, unknown>) : {};
  queue.forecast = { intervalContacts: forecast.intervalContacts, ...(old.dailyCv !== undefined && { dailyCv: old.dailyCv }) };
  copy.intervalMinutes = forecast.intervalMinutes;
  if (forecast.days !== undefined && forecast.startDate !== undefined) {
    copy.days = forecast.days;
    copy.startDate = forecast.startDate;
  }
  return copy;
}
