/**
 * The cost-effectiveness acceptability curve against the value of a kept customer (van Hout et al., "Costs, effects
 * and C/E-ratios alongside a clinical trial", Health Economics 3(5), 1994; Fenwick, Claxton & Sculpher, "Representing
 * uncertainty: the role of cost-effectiveness acceptability curves", Health Economics 10(8), 2001, for the frontier).
 *
 * Each option's net benefit is linear in the value v of a kept customer: NB_d,k(v) = a_d,k + v · b_d,k, where b_d,k is
 * what a value of 1 brings in replication k (the kept customers, their months within the horizon, discounted) and
 * a_d,k everything else (other benefits minus costs). At each v, the curve gives each option's probability of being
 * best (the share of replications in which its NB is the highest, ties shared); the frontier is the option with the
 * highest *expected* NB, which is what the decision rule picks, and may differ from the most probable one when the
 * distribution is skewed; a break-even is a value of v where the frontier changes (where two expected-NB lines cross).
 */

/** One option's net benefit in each replication, as a + v·b. */
export interface LinearNetBenefit {
  option: string;
  /** The net benefit at a kept customer's value of 0, per replication. */
  atZero: ArrayLike<number>;
  /** What each unit of a kept customer's value adds, per replication. */
  perCustomerValue: ArrayLike<number>;
}

export interface AcceptabilityPoint {
  customerValue: number;
  /** Per option, the probability it is best at this value (sums to 1). */
  probBest: Record<string, number>;
  /** The option with the highest expected net benefit at this value. */
  frontier: string;
}

export interface BreakEven {
  customerValue: number;
  from: string;
  to: string;
}

/** Probability each option is best, and the frontier, at each value. */
export function acceptabilityCurve(options: readonly LinearNetBenefit[], values: readonly number[]): AcceptabilityPoint[] {
  const n = options[0]?.atZero.length ?? 0;
  for (const option of options) {
    if (option.atZero.length !== n || option.perCustomerValue.length !== n) throw new Error("acceptability: options with different replication counts");
  }
  const means = options.map((option) => ({ a: mean(option.atZero), b: mean(option.perCustomerValue) }));
  return values.map((v) => {
    const wins = new Array<number>(options.length).fill(0);
    for (let k = 0; k < n; k++) {
      const nb = options.map((option) => option.atZero[k]! + v * option.perCustomerValue[k]!);
      const best = Math.max(...nb);
      const tolerance = 1e-9 * Math.max(1, ...nb.map(Math.abs));
      const tied = nb.flatMap((value, i) => (value >= best - tolerance ? [i] : []));
      for (const i of tied) wins[i]! += 1 / tied.length;
    }
    return {
      customerValue: v,
      probBest: Object.fromEntries(options.map((option, i) => [option.option, n > 0 ? wins[i]! / n : 0])),
      frontier: options[argMax(means.map((m) => m.a + v * m.b))]!.option,
    };
  });
}

/**
 * The values of a kept customer in [0, upTo] where the option with the highest expected net benefit changes: the
 * corners of the upper envelope of the lines E[a_d] + v·E[b_d], exact (no grid).
 */
export function breakEvens(options: readonly LinearNetBenefit[], upTo: number): BreakEven[] {
  const lines = options.map((option) => ({ option: option.option, a: mean(option.atZero), b: mean(option.perCustomerValue) }));
  if (lines.length < 2) return [];
  const result: BreakEven[] = [];
  let v = 0;
  let current = bestAt(lines, 0);
  while (v < upTo) {
    // The next line to overtake the current one: the smallest crossing beyond v among the steeper lines.
    const here = lines[current]!;
    let nextAt = Infinity;
    let nextIndex = -1;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (i === current || !(line.b > here.b)) continue;
      const at = (here.a - line.a) / (line.b - here.b);
      if (!(at > v + 1e-12 * Math.max(1, v)) || at > upTo) continue;
      if (at < nextAt || (at === nextAt && line.b > lines[nextIndex]!.b)) {
        nextAt = at;
        nextIndex = i;
      }
    }
    if (nextIndex < 0) break;
    const at = nextAt;
    const index = nextIndex;
    result.push({ customerValue: at, from: lines[current]!.option, to: lines[index]!.option });
    v = at;
    current = index;
  }
  return result;
}

/** Values of a kept customer to draw the curve at: `count` evenly from 0 to `upTo`, with each break-even added. */
export function customerValueGrid(upTo: number, breaks: readonly BreakEven[], count = 41): number[] {
  const grid = Array.from({ length: count }, (_, i) => (upTo * i) / (count - 1));
  return [...new Set([...grid, ...breaks.map((b) => b.customerValue)])].sort((a, b) => a - b);
}

function bestAt(lines: readonly { a: number; b: number }[], v: number): number {
  // Ties at v go to the steeper line (it stays ahead just beyond v).
  let best = 0;
  lines.forEach((line, i) => {
    const value = line.a + v * line.b;
    const bestValue = lines[best]!.a + v * lines[best]!.b;
    if (value > bestValue || (value === bestValue && line.b > lines[best]!.b)) best = i;
  });
  return best;
}

function argMax(values: readonly number[]): number {
  let best = 0;
  values.forEach((value, i) => {
    if (value > values[best]!) best = i;
  });
  return best;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k]!;
  return values.length > 0 ? sum / values.length : 0;
}
