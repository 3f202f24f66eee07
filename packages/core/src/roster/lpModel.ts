/** One term of a linear expression: `coefficient × variable` (the variable's index in its model). */
export type LpTerm = readonly [variable: number, coefficient: number];

/** A variable of an {@link LpModel}: its name in the LP text, its objective coefficient, bounds and integrality. */
export interface LpVariable {
  name: string;
  cost: number;
  lower: number;
  upper: number;
  integer: boolean;
}

/** A constraint `lower ≤ Σ terms ≤ upper` (either side may be infinite). */
export interface LpConstraint {
  name: string;
  terms: LpTerm[];
  lower: number;
  upper: number;
}

// HiGHS's LP reader takes names of letters, digits and a few symbols; we only ever write [A-Za-z0-9_.].
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.]{0,254}$/;
const TERMS_PER_LINE = 8;

/**
 * A linear or mixed-integer program to minimise, built variable by variable and row by row, and written as CPLEX LP
 * text (the format HiGHS reads: Minimize / Subject To / Bounds / General / End; see
 * https://ergo-code.github.io/HiGHS/dev/ and IBM's "CPLEX LP file format"). Names must be unique and made of letters,
 * digits, `_` and `.` (not starting with a digit), so the text parses the same in every version of the reader.
 * Every variable is written into the objective, in index order (with coefficient 0 if need be), so the solver's
 * columns come out in the model's order.
 */
export class LpModel {
  readonly variables: LpVariable[] = [];
  readonly constraints: LpConstraint[] = [];
  private readonly names = new Set<string>();

  /** Adds a variable (default: continuous, ≥ 0, no cost) and returns its index. */
  addVariable(name: string, options: { cost?: number; lower?: number; upper?: number; integer?: boolean } = {}): number {
    this.claim(name);
    const variable: LpVariable = { name, cost: options.cost ?? 0, lower: options.lower ?? 0, upper: options.upper ?? Infinity, integer: options.integer ?? false };
    if (!Number.isFinite(variable.cost)) throw new Error(`invalid cost of variable ${name}: ${variable.cost}; expected a finite number`);
    if (Number.isNaN(variable.lower) || Number.isNaN(variable.upper) || variable.lower > variable.upper || variable.lower === Infinity || variable.upper === -Infinity) {
      throw new Error(`invalid bounds of variable ${name}: [${variable.lower}, ${variable.upper}]; expected lower ≤ upper`);
    }
    this.variables.push(variable);
    return this.variables.length - 1;
  }

  /** Adds `lower ≤ Σ terms ≤ upper` (omit a side for none). Terms on the same variable are summed; zero ones dropped. */
  addConstraint(name: string, terms: readonly LpTerm[], bounds: { lower?: number; upper?: number }): void {
    this.claim(name);
    const lower = bounds.lower ?? -Infinity;
    const upper = bounds.upper ?? Infinity;
    if (Number.isNaN(lower) || Number.isNaN(upper) || lower > upper || (lower === -Infinity && upper === Infinity)) {
      throw new Error(`invalid bounds of constraint ${name}: [${lower}, ${upper}]; expected lower ≤ upper, at least one finite`);
    }
    const sums = new Map<number, number>();
    for (const [variable, coefficient] of terms) {
      if (!(variable >= 0 && variable < this.variables.length) || !Number.isInteger(variable)) throw new Error(`constraint ${name}: no variable ${variable}`);
      if (!Number.isFinite(coefficient)) throw new Error(`constraint ${name}: invalid coefficient ${coefficient} of ${this.variables[variable]!.name}`);
      sums.set(variable, (sums.get(variable) ?? 0) + coefficient);
    }
    const kept = [...sums].filter(([, coefficient]) => coefficient !== 0).sort((a, b) => a[0] - b[0]);
    this.constraints.push({ name, terms: kept, lower, upper });
  }

  /** The objective's value at `values` (one per variable, in index order). */
  objectiveAt(values: ArrayLike<number>): number {
    let sum = 0;
    this.variables.forEach((variable, index) => (sum += variable.cost * values[index]!));
    return sum;
  }

  /** The CPLEX LP text of the model. A constraint with both sides finite is written as two rows (`name.lo`, `name.hi`)
   * unless they are equal (one `=` row). `bounds` replaces the variables' bounds (one entry per variable), e.g. to
   * search near a relaxation's solution. */
  toLpText(bounds?: { lower: ArrayLike<number>; upper: ArrayLike<number> }): string {
    const out: string[] = ["Minimize"];
    out.push(expression(" obj:", this.variables.map((variable, index) => [index, variable.cost] as const), this.variables, true));
    out.push("Subject To");
    for (const row of this.constraints) {
      if (row.lower === row.upper) out.push(`${expression(` ${row.name}:`, row.terms, this.variables)} = ${number(row.lower)}`);
      else if (row.lower !== -Infinity && row.upper !== Infinity) {
        out.push(`${expression(` ${row.name}.lo:`, row.terms, this.variables)} >= ${number(row.lower)}`);
        out.push(`${expression(` ${row.name}.hi:`, row.terms, this.variables)} <= ${number(row.upper)}`);
      } else if (row.lower !== -Infinity) out.push(`${expression(` ${row.name}:`, row.terms, this.variables)} >= ${number(row.lower)}`);
      else out.push(`${expression(` ${row.name}:`, row.terms, this.variables)} <= ${number(row.upper)}`);
    }
    out.push("Bounds");
    for (const [index, variable] of this.variables.entries()) {
      const { name } = variable;
      const lower = bounds ? bounds.lower[index]! : variable.lower;
      const upper = bounds ? bounds.upper[index]! : variable.upper;
      if (lower === -Infinity && upper === Infinity) out.push(` ${name} free`);
      else if (lower === upper) out.push(` ${name} = ${number(lower)}`);
      else if (lower === 0 && upper === Infinity) continue; // the LP format's default
      else out.push(` ${lower === -Infinity ? "-inf" : number(lower)} <= ${name} <= ${upper === Infinity ? "+inf" : number(upper)}`);
    }
    const integers = this.variables.filter((variable) => variable.integer).map((variable) => variable.name);
    if (integers.length > 0) {
      out.push("General");
      for (let i = 0; i < integers.length; i += TERMS_PER_LINE) out.push(` ${integers.slice(i, i + TERMS_PER_LINE).join(" ")}`);
    }
    out.push("End", "");
    return out.join("\n");
  }

  private claim(name: string): void {
    if (!NAME_PATTERN.test(name)) throw new Error(`invalid LP name ${JSON.stringify(name)}; expected letters, digits, _ and . (not starting with a digit), at most 255 characters`);
    if (this.names.has(name)) throw new Error(`duplicate LP name ${JSON.stringify(name)}; expected unique names`);
    this.names.add(name);
  }
}

// A number as the LP reader expects it: plain decimal where JavaScript would not use an exponent, else with one.
function number(value: number): string {
  return String(value);
}

function expression(head: string, terms: readonly LpTerm[], variables: readonly LpVariable[], keepZeros = false): string {
  const parts: string[] = [];
  for (const [index, coefficient] of terms) {
    if (coefficient === 0 && !keepZeros) continue;
    const sign = coefficient < 0 || Object.is(coefficient, -0) ? "-" : "+";
    parts.push(`${sign} ${number(Math.abs(coefficient))} ${variables[index]!.name}`);
  }
  if (parts.length === 0) return `${head} 0 ${variables[0]?.name ?? ""}`.trimEnd();
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += TERMS_PER_LINE) lines.push(parts.slice(i, i + TERMS_PER_LINE).join(" "));
  return `${head} ${lines.join("\n   ")}`;
}
