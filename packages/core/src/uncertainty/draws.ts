import { counterUniform } from "../random/counterUniform.js";
import type { ResolvedScenario, Scenario } from "../schema/scenario.js";
import { centralValue, resolveUncertain, type GradedValue, type UncertainSpec } from "../schema/uncertain.js";
import { inputKey, type UncertainInput } from "./inputs.js";
import { uncertainQuantile } from "./quantile.js";

/** Which uncertainty a run shows: `combined` draws every uncertain input per replication, on top of the
 * simulation's noise; `fixed` keeps every input at its central value (the noise-only view). */
export type AssumptionsView = "combined" | "fixed";
export const ASSUMPTIONS_VIEWS: readonly AssumptionsView[] = ["combined", "fixed"];

// The counter-based uniform's lane for assumption draws: shrinkage uses group indices (≥ 0), so a negative lane
// never meets one of its draws.
const ASSUMPTION_LANE = -0x0a55;

/** FNV-1a hash of a key to 32 bits (the counter of an input's draw). */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * The uniform an input draws in a replication: a pure function of (seed, replication, the input's key), core's
 * counter-based uniform (random/counterUniform.ts). No stream is consumed, so adding an input reshuffles nothing,
 * and the engine's own streams are untouched: a draw changes what an input is, never which callers come.
 */
export function inputUniform(seed: number, replication: number, key: string): number {
  return counterUniform(seed, replication, ASSUMPTION_LANE, keyHash(key), 0);
}

/** Each input's value in replication `replication` (by key): its distribution at the input's uniform. */
export function drawInputs(inputs: readonly UncertainInput[], seed: number, replication: number): Map<string, number> {
  const values = new Map<string, number>();
  for (const input of inputs) values.set(input.key, uncertainQuantile(input.spec, inputUniform(seed, replication, input.key)));
  return values;
}

/**
 * `drawInputs` of replications 0 … count − 1 on the scenario's seed. Each input's draws are kept with the scenario
 * (while it lives), so the evaluations of a comparison's options, which share the scenario's own inputs, draw them
 * once: a beta input's draw inverts its incomplete beta function, and the draws were a fifth of the money stage.
 */
export function drawInputsByReplication(scenario: Scenario, inputs: readonly UncertainInput[], count: number): Map<string, number>[] {
  let kept = drawsByScenario.get(scenario);
  if (!kept) {
    kept = new Map();
    drawsByScenario.set(scenario, kept);
  }
  const columns = inputs.map((input) => {
    // The seed and the distribution are part of the key: the same input key may be drawn otherwise.
    const id = `${scenario.seed}|${input.key}|${JSON.stringify(input.spec)}`;
    let draws = kept.get(id);
    if (!draws || draws.length < count) {
      draws = new Float64Array(count);
      for (let k = 0; k < count; k++) draws[k] = uncertainQuantile(input.spec, inputUniform(scenario.seed, k, input.key));
      kept.set(id, draws);
    }
    return draws;
  });
  return Array.from({ length: count }, (_, k) => {
    const values = new Map<string, number>();
    inputs.forEach((input, i) => values.set(input.key, columns[i]![k]!));
    return values;
  });
}

const drawsByScenario = new WeakMap<Scenario, Map<string, Float64Array>>();

/**
 * The scenario as one concrete world: every uncertain or graded number replaced by its value in `values` (by key),
 * else by its central value. Where independent draws would break a rule the schema checks on central values, the
 * draw is repaired: a loyalty class whose promoters and detractors add up to more than 1 has both scaled down to
 * sum to 1. Parts without uncertain numbers are shared with the input.
 */
export function resolveAtDraw(scenario: Scenario, values: ReadonlyMap<string, number>): ResolvedScenario {
  const pick = (spec: GradedValue | UncertainSpec, path: readonly (string | number)[]) => {
    if (values.size === 0) return centralValue(spec);
    return values.get(inputKey(scenario, path)) ?? centralValue(spec);
  };
  const resolved = {
    ...scenario,
    experience: resolveUncertain(scenario.experience, pick, ["experience"]),
    ...(scenario.money && { money: resolveUncertain(scenario.money, pick, ["money"]) }),
    interventions: resolveUncertain(scenario.interventions, pick, ["interventions"]),
  } as ResolvedScenario;
  return repairLoyalty(resolved);
}

function repairLoyalty(scenario: ResolvedScenario): ResolvedScenario {
  const loyalty = scenario.experience.loyalty;
  const fix = (shares: typeof loyalty.satisfied) => {
    const sum = shares.promoters + shares.detractors;
    return sum > 1 ? { ...shares, promoters: shares.promoters / sum, detractors: shares.detractors / sum } : shares;
  };
  const satisfied = fix(loyalty.satisfied);
  const dissatisfied = fix(loyalty.dissatisfied);
  if (satisfied === loyalty.satisfied && dissatisfied === loyalty.dissatisfied) return scenario;
  return { ...scenario, experience: { ...scenario.experience, loyalty: { satisfied, dissatisfied } } };
}
