import { SCENARIO_LIMITS } from "@ccplan/core";
import type { NumberConstraint } from "./args.js";

/**
 * The range of every numeric flag, shared by the commands so that `--aht` means the same everywhere: the scenario
 * schema's limits where one applies (a handle time of at most a week, other durations at most a year, 20,000 agents).
 * Messages state the range (`describeExpected`).
 */
export const FLAG_RANGES = {
  /** Contacts per hour: at most the contacts of one replication in one hour. */
  rate: { min: 0, max: SCENARIO_LIMITS.maxContactsPerReplication },
  aht: { min: 0, exclusiveMin: true, max: SCENARIO_LIMITS.maxHandleSec },
  patience: { min: 0, exclusiveMin: true, max: SCENARIO_LIMITS.maxDurationSec },
  /** The answer-time target, seconds (a day at most, as the schema's targetAnswerSec). */
  target: { min: 0, max: 86_400 },
  /** A service-level target: above 0 and below 1 (100% is never reached while contacts arrive). */
  targetServiceLevel: { min: 0, exclusiveMin: true, max: 1, exclusiveMax: true },
  agents: { min: 0, max: SCENARIO_LIMITS.maxAgentsPerGroup, integer: true },
  hours: { min: 0, exclusiveMin: true, max: SCENARIO_LIMITS.maxSpanDays * 24 },
  cv: { min: 0, exclusiveMin: true, max: 20 },
  replications: { min: 1, max: 100_000, integer: true },
  workers: { min: 1, max: 256, integer: true },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
} as const satisfies Record<string, NumberConstraint>;
