// How a KPI value from core is written on screen, in the unit a planner reads: display only, never what it is.
import { NOT_DEFINED } from "../format";

/** The scale a KPI is written in: a factor to the display unit (a unit conversion), its affixes and decimals. */
interface DisplayScale {
  factor: number;
  prefix?: string;
  suffix: string;
  digits: number;
  /** Thousands separators (whole counts). */
  grouped?: boolean;
}

const MINUS = "\u2212";

const CURRENCY_SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥", CNY: "¥", INR: "₹", AUD: "A$", CAD: "C$" };

/** The unit a KPI is written in: the registry's unit, with money in the scenario's currency ("money:USD"). */
export function displayUnit(unit: string, currency: string): string {
  return unit === "money" ? `money:${currency}` : unit;
}

/**
 * A non-negative number with `digits` decimals and commas between thousands: 23456.4 → "23,456". Written by hand
 * rather than with Intl: the first Intl call of a page loads its locale data, a main-thread task of ~50 ms.
 */
export function groupDigits(value: number, digits = 0): string {
  const [whole = "", fraction] = Math.abs(value).toFixed(digits).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? MINUS : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

const defined = (value: number | null | undefined): value is number => value !== null && value !== undefined && Number.isFinite(value);

/**
 * The display scale of a unit, chosen from a reference value (the mean) so that a mean, its CI and its P10–P90
 * are written in the same unit: seconds stay seconds below 100 s, then minutes, then hours.
 */
export function displayScale(unit: string, reference: number | null | undefined, delta = false): DisplayScale {
  const size = defined(reference) ? Math.abs(reference) : 0;
  switch (unit) {
    case "fraction":
      // Changes of a share are percentage points, not percent of the share. Ratios such as an ROI can run to
      // thousands of percent: whole numbers with separators there.
      if (size >= 10) return { factor: 100, suffix: delta ? " pt" : "%", digits: 0, grouped: true };
      return { factor: 100, suffix: delta ? " pt" : "%", digits: size > 0 && size < 0.01 ? 2 : 1 };
    case "seconds":
      if (size < 100) return { factor: 1, suffix: " s", digits: 1 };
      if (size < 3600) return { factor: 1 / 60, suffix: " min", digits: 1 };
      return { factor: 1 / 3600, suffix: " h", digits: 2 };
    case "hours":
      if (size < 48) return { factor: 1, suffix: " h", digits: 1 };
      return { factor: 1 / 24, suffix: " days", digits: 1 };
    case "contacts":
      return size >= 100 ? { factor: 1, suffix: "", digits: 0, grouped: true } : { factor: 1, suffix: "", digits: 1 };
    case "customers":
      return size >= 100 ? { factor: 1, suffix: "", digits: 0, grouped: true } : { factor: 1, suffix: "", digits: 1 };
    case "agents":
      // Agents on shift or on the floor, a time average: "18.1 agents", "+0.9 agents" (a bare 18.1 says nothing).
      return { factor: 1, suffix: " agents", digits: 1 };
    case "score":
      return { factor: 1, suffix: "", digits: 1 };
    default:
      if (unit.startsWith("money:")) {
        const currency = unit.slice("money:".length);
        const symbol = CURRENCY_SYMBOLS[currency];
        const digits = size >= 100 ? 0 : 2;
        return symbol ? { factor: 1, prefix: symbol, suffix: "", digits, grouped: true } : { factor: 1, suffix: ` ${currency}`, digits, grouped: true };
      }
      return { factor: 1, suffix: unit ? ` ${unit}` : "", digits: size >= 100 ? 0 : 2, grouped: size >= 100 };
  }
}

/** `scale` with enough decimals (up to three more) that a difference of `precision` shows at least one digit. */
function finer(scale: DisplayScale, precision: number | undefined): DisplayScale {
  if (precision === undefined || !(precision > 0) || scale.grouped) return scale;
  const needed = Math.ceil(-Math.log10(precision * scale.factor) - 1e-6);
  return needed > scale.digits ? { ...scale, digits: Math.min(scale.digits + 3, needed) } : scale;
}

function number(value: number, scale: DisplayScale, signed: boolean): string {
  const scaled = value * scale.factor;
  const magnitude = Math.abs(scaled);
  let text = `${scale.prefix ?? ""}${scale.grouped ? groupDigits(magnitude, scale.digits) : magnitude.toFixed(scale.digits)}`;
  const zero = !/[1-9]/.test(text.replace(scale.prefix ?? "", ""));
  // A change that rounds to zero gets no sign (and never "±", which reads as an interval).
  if (scaled < 0 && !zero) text = `${MINUS}${text}`;
  else if (signed && scaled > 0 && !zero) text = `+${text}`;
  return text;
}

/** A KPI value with its unit: 0.8764 fraction → "87.6%", 312 s → "5.2 min". Undefined → "—". */
export function formatKpi(value: number | null | undefined, unit: string, reference: number | null | undefined = value): string {
  if (!defined(value)) return NOT_DEFINED;
  const scale = displayScale(unit, reference);
  return `${number(value, scale, false)}${scale.suffix}`;
}

/** A change against the baseline, signed; shares in percentage points: +0.064 fraction → "+6.4 pt". */
export function formatDelta(
  value: number | null | undefined,
  unit: string,
  reference: number | null | undefined = value,
  /** The smallest difference that must show (a CI's half-width, a significant change's size): more decimals when
   * the unit's usual ones would round it away, so "−0.0 s ▲ better" never reads. */
  precision?: number,
): string {
  if (!defined(value)) return NOT_DEFINED;
  const scale = finer(displayScale(unit, reference, true), precision);
  return `${number(value, scale, true)}${scale.suffix}`;
}

/** An interval written once with its unit: "87.1 to 88.0%"; "—" when either end is undefined. */
export function formatRange(
  low: number | null | undefined,
  high: number | null | undefined,
  unit: string,
  options: { reference?: number | null | undefined; delta?: boolean; precision?: number } = {},
): string {
  if (!defined(low) || !defined(high)) return NOT_DEFINED;
  const scale = finer(displayScale(unit, options.reference ?? high, options.delta ?? false), options.precision);
  const signed = options.delta ?? false;
  return `${number(low, scale, signed)} to ${number(high, scale, signed)}${scale.suffix}`;
}

/** A change's figures: its mean, its 95% CI (null with fewer than two replications) and the replications behind it. */
export interface ChangeFigures {
  mean: number | null | undefined;
  ci95: readonly [number, number] | null | undefined;
  /** The replications the mean is over. */
  n: number;
}

/** Whether every replication gave the same value: a 95% CI of zero width (core's Student t interval, whose variance
 * is exactly 0 when all values are equal). Such an interval reads as a certainty the simulation does not give. */
export function sameInEveryReplication(ci95: readonly [number, number] | null | undefined): ci95 is readonly [number, number] {
  return ci95 !== null && ci95 !== undefined && ci95[0] === ci95[1];
}

/** "the same in all 20 runs" ("in both" for two): what a zero-width 95% CI says, in words. */
export function sameInAll(n: number, runs: string): string {
  return n === 2 ? `the same in both ${runs}` : `the same in all ${n.toLocaleString("en-US")} ${runs}`;
}

/**
 * A 95% CI as a phrase: "95% CI 87.1 to 88.0%" (`range` writes the two ends), or `same` ("the same in all 20
 * simulated years") where the interval has zero width, every replication having given the same value; null without
 * a CI (fewer than two replications).
 */
export function ciPhrase(ci95: readonly [number, number] | null | undefined, range: (low: number, high: number) => string, same: string): string | null {
  if (sameInEveryReplication(ci95)) return same;
  return ci95 ? `95% CI ${range(ci95[0], ci95[1])}` : null;
}

/** The value whose scale a change's figures share (the larger end of its CI, else its mean): so that the mean and
 * both ends are written in the same unit (s or min). */
export function changeReference(change: Pick<ChangeFigures, "mean" | "ci95">): number | null | undefined {
  return change.ci95 ? Math.max(Math.abs(change.ci95[0]), Math.abs(change.ci95[1])) : change.mean;
}

/**
 * The smallest difference a change's figures must show: its CI's half-width, or, where the CI excludes zero, its size
 * if smaller, so that a change the test tells apart from zero never prints as "0.0 pt" (the rule of the CLI's
 * `formatChangeWithCi`, in the page's units).
 */
export function changePrecision(change: Pick<ChangeFigures, "mean" | "ci95">): number | undefined {
  const { mean, ci95 } = change;
  if (!ci95 || !defined(mean)) return undefined;
  const half = Math.abs(ci95[1] - ci95[0]) / 2;
  const significant = ci95[0] > 0 || ci95[1] < 0;
  return significant ? Math.min(half, Math.abs(mean)) : half;
}

/**
 * A change with its 95% CI as a phrase: "+0.03 pt (95% CI +0.01 to +0.05 pt)", with the digits its CI and its
 * distance from zero need; where every replication gave the same change, that in words instead of a zero-width
 * interval, and the change without decimals it does not have: "+7 weeks (the same in all 20 runs)". `runs` names
 * the replications ("runs", "simulated years").
 */
export function formatChangeWithCi(change: ChangeFigures, unit: string, runs = "replications"): string {
  const { mean, ci95, n } = change;
  if (!defined(mean)) return NOT_DEFINED;
  const reference = changeReference(change);
  if (sameInEveryReplication(ci95)) {
    const scale = displayScale(unit, reference, true);
    const scaled = mean * scale.factor;
    // A whole number of the unit (a week, a point) is written whole; else with its first significant digit.
    const shown = Math.abs(scaled - Math.round(scaled)) < 1e-9 ? { ...scale, digits: 0 } : finer(scale, Math.abs(mean) > 0 ? Math.abs(mean) : undefined);
    return `${number(mean, shown, true)}${shown.suffix} (${sameInAll(n, runs)})`;
  }
  const precision = changePrecision(change);
  const text = formatDelta(mean, unit, reference, precision);
  return ci95 ? `${text} (95% CI ${formatRange(ci95[0], ci95[1], unit, { delta: true, reference, precision })})` : text;
}

/** Seconds left as a person says it: "about 12 s", "about 3 min". */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "estimating time left…";
  if (seconds < 1) return "less than a second left";
  if (seconds < 90) return `about ${Math.round(seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** Money in the scenario's currency, whole units: 12345.6 USD → "$12,346", 800 CHF → "800 CHF"; signed with "−". */
export function formatMoney(value: number | null | undefined, currency: string, digits = 0): string {
  if (!defined(value)) return NOT_DEFINED;
  const amount = groupDigits(Math.abs(value), digits);
  const symbol = CURRENCY_SYMBOLS[currency];
  const text = symbol ? `${symbol}${amount}` : `${amount} ${currency}`;
  return value < 0 && /[1-9]/.test(amount) ? `${MINUS}${text}` : text;
}
