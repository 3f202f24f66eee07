// Display formatting only: how a number from core is written, never what it is.

/** Placeholder for a value the model does not define. */
export const NOT_DEFINED = "—";

/** A fraction as a percentage with one decimal: 0.8881 → "88.8%". Tiny non-zero values say so. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return NOT_DEFINED;
  if (fraction > 0 && fraction < 0.0005) return "< 0.1%";
  if (fraction < 1 && fraction > 0.9995) return "> 99.9%";
  return `${(fraction * 100).toFixed(1)}%`;
}

/** Seconds with one decimal and the unit: 4.23 → "4.2 s". */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return NOT_DEFINED;
  return `${seconds.toFixed(1)} s`;
}

/** A plain quantity with two decimals: erlangs, contacts in queue. */
export function formatQuantity(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return NOT_DEFINED;
  return `${value.toFixed(2)} ${unit}`;
}

/** A whole count with its noun: 1 agent, 14 agents. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : plural}`;
}

/** A label as it reads inside a sentence: "Service level" → "service level", but an acronym or a name written in
 * capitals keeps them ("ROI" stays "ROI", "NPV at 8%" stays as it is). */
export function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
