/** The longest name a scenario allows for queues, groups, shifts and interventions. */
export const MAX_NAME_LENGTH = 100;

/** `wanted` if no name in `taken` is the same, else `wanted 2`, `wanted 3`, …, cut to fit 100 characters. */
export function uniqueName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = wanted.slice(0, MAX_NAME_LENGTH);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const name = base.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
    if (!used.has(name)) return name;
  }
}
