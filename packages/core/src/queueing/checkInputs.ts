// Boundary checks shared by the queueing functions: every bad input throws a short, specific Error,
// so no NaN can leak into a result.

/** The largest agent count the formulas accept. Erlang B costs one step per agent, so 1e6 stays in milliseconds. */
export const MAX_FORMULA_AGENTS = 1_000_000;

/** A value as it appears in a message: numbers as JavaScript prints them, anything else as JSON. */
export function show(value: unknown): string {
  return typeof value === "number" ? String(value) : JSON.stringify(value) ?? String(value);
}

function fail(name: string, value: unknown, expected: string): never {
  throw new Error(`invalid ${name}: ${show(value)}; expected ${expected}`);
}

/** A whole number of agents in [min, max]. */
export function checkAgents(value: unknown, min = 0, max = MAX_FORMULA_AGENTS): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    fail("agents", value, `a whole number from ${min} to ${max}`);
  }
  return value;
}

/** A finite number ≥ 0. */
export function checkNonNegative(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) fail(name, value, "a finite number ≥ 0");
  return value;
}

/** A finite number > 0. */
export function checkPositive(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) fail(name, value, "a finite number > 0");
  return value;
}

/** A fraction in [0, 1], or [0, 1) without `includeOne`. */
export function checkFraction(name: string, value: unknown, { includeOne = true } = {}): number {
  if (typeof value !== "number" || !(value >= 0) || (includeOne ? value > 1 : value >= 1)) {
    fail(name, value, includeOne ? "a fraction from 0 to 1" : "a fraction from 0 to less than 1");
  }
  return value;
}

/** The options object itself, so that a missing one fails with a message rather than a TypeError. */
export function checkInputsObject(inputs: unknown): asserts inputs is Record<string, unknown> {
  if (typeof inputs !== "object" || inputs === null) fail("inputs", inputs, "an object");
}

/** Checked arrival rate, handle time and offered load (their product must stay finite). */
export function checkTraffic(inputs: { arrivalRatePerSec: unknown; ahtSec: unknown }): {
  arrivalRatePerSec: number;
  ahtSec: number;
  offeredLoad: number;
} {
  const arrivalRatePerSec = checkNonNegative("arrivalRatePerSec", inputs.arrivalRatePerSec);
  const ahtSec = checkPositive("ahtSec", inputs.ahtSec);
  const offeredLoad = arrivalRatePerSec * ahtSec;
  if (!Number.isFinite(offeredLoad)) fail("offered load", offeredLoad, "arrivalRatePerSec × ahtSec to be finite");
  return { arrivalRatePerSec, ahtSec, offeredLoad };
}

/** The service-level threshold in seconds, 20 when absent. */
export function checkTarget(value: unknown): number {
  return value === undefined ? 20 : checkNonNegative("targetAnswerSec", value);
}

/** Erlang A sums run over the queue length, whose spread grows like √(agents × patience / aht) and
 * √(arrivals × patience); beyond this scale the answer would take too long and a patience this long is
 * Erlang C in all but name. */
export const MAX_PATIENCE_SCALE = 1e8;

/** Erlang A mean patience in seconds: positive, and short enough for the series (see MAX_PATIENCE_SCALE). */
export function checkPatience(value: unknown, arrivalRatePerSec: number, ahtSec: number, agents: number): number {
  const patienceSec = checkPositive("patienceSec", value);
  const perPatience = Math.max(arrivalRatePerSec, agents / ahtSec);
  if (perPatience * patienceSec > MAX_PATIENCE_SCALE) {
    const most = MAX_PATIENCE_SCALE / perPatience;
    fail("patienceSec", patienceSec, `at most ${Number(most.toPrecision(6))} here (patience × max(arrivals per second, agents / ahtSec) ≤ 1e8); for callers who never hang up use Erlang C`);
  }
  if (1 / patienceSec === Infinity) fail("patienceSec", patienceSec, "a patience whose inverse is finite");
  return patienceSec;
}
