import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { erlangB } from "./erlangB.js";
import { erlangC } from "./erlangC.js";
import { erlangA, erlangAOfferedWaitTail } from "./erlangA.js";
import { solveAgents } from "./solveAgents.js";

// The shared reference cases, copied into the repository (see test/fixtures/README.md).
const fixture = JSON.parse(readFileSync(new URL("../../../../test/fixtures/erlang-cases.json", import.meta.url), "utf8")) as {
  schema: string;
  recommended_tolerance: { relative: number; absolute_floor: number };
  cases: { id: string; model: string; inputs: Record<string, number>; expected: Record<string, number> }[];
};
const { relative, absolute_floor: floor } = fixture.recommended_tolerance;

function rateOf(inputs: Record<string, number>): number {
  if (inputs.arrival_rate_per_hour !== undefined) return inputs.arrival_rate_per_hour / 3600;
  return inputs.calls_per_interval! / inputs.interval_seconds!;
}

/** |actual − expected| ≤ max(relative × |expected|, floor), the file's recommended tolerance. */
function expectClose(actual: number | null | undefined, expected: number | undefined, label: string): void {
  expect(expected, `${label}: missing in the fixture`).toBeTypeOf("number");
  expect(actual, `${label}: missing in the result`).toBeTypeOf("number");
  const error = Math.abs(actual! - expected!);
  expect(error, `${label}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(Math.max(relative * Math.abs(expected!), floor));
}

function casesOf(model: string) {
  return fixture.cases.filter((c) => c.model === model).map((c) => [c.id, c] as const);
}

it("reads erlang-cases v1 with cases of every model", () => {
  expect(fixture.schema).toBe("erlang-cases v1");
  expect(relative).toBe(1e-9);
  expect(floor).toBe(1e-12);
  for (const model of ["erlang_b", "erlang_c", "erlang_a", "required_agents_erlang_c", "required_agents_erlang_a"]) {
    expect(casesOf(model).length, model).toBeGreaterThan(0);
  }
});

describe("erlangB matches the reference blocking probability", () => {
  it.each(casesOf("erlang_b"))("%s", (id, c) => {
    const load = rateOf(c.inputs) * c.inputs.aht_seconds!;
    expectClose(erlangB(c.inputs.agents!, load), c.expected.blocking_probability, `${id}.blocking_probability`);
  });
});

describe("erlangC matches every reference field", () => {
  it.each(casesOf("erlang_c"))("%s", (id, c) => {
    const r = erlangC({
      arrivalRatePerSec: rateOf(c.inputs), ahtSec: c.inputs.aht_seconds!, agents: c.inputs.agents!,
      targetAnswerSec: c.inputs.target_answer_time_seconds!,
    });
    expect(r.stable).toBe(true);
    const e = c.expected;
    expectClose(r.probWait, e.prob_wait, `${id}.prob_wait`);
    expectClose(r.asa, e.asa_seconds, `${id}.asa_seconds`);
    expectClose(r.meanWaitAll, e.asa_seconds, `${id}.asa_seconds (meanWaitAll)`);
    expectClose(r.serviceLevel, e.service_level, `${id}.service_level`);
    expectClose(r.occupancy, e.occupancy, `${id}.occupancy`);
    expectClose(r.meanQueueLength, e.mean_queue_length, `${id}.mean_queue_length`);
  });
});

describe("erlangA matches every reference field", () => {
  it.each(casesOf("erlang_a"))("%s", (id, c) => {
    const inputs = {
      arrivalRatePerSec: rateOf(c.inputs), ahtSec: c.inputs.aht_seconds!, agents: c.inputs.agents!,
      patienceSec: c.inputs.patience_mean_seconds!, targetAnswerSec: c.inputs.target_answer_time_seconds!,
    };
    const r = erlangA(inputs);
    expect(r.stable).toBe(true);
    const e = c.expected;
    expectClose(r.probWait, e.prob_wait, `${id}.prob_wait`);
    expectClose(r.probAbandon, e.prob_abandon, `${id}.prob_abandon`);
    expectClose(r.meanWaitAll, e.asa_all_seconds, `${id}.asa_all_seconds`);
    expectClose(r.asa, e.asa_answered_seconds, `${id}.asa_answered_seconds`);
    expectClose(r.meanQueueLength, e.mean_queue_length, `${id}.mean_queue_length`);
    expectClose(r.occupancy, e.occupancy, `${id}.occupancy`);
    expectClose(r.serviceLevel, e.sl_answered_within_t, `${id}.sl_answered_within_t`);
    expectClose(r.serviceLevelWaitWithin, e.sl_wait_within_t, `${id}.sl_wait_within_t`);
    expectClose(r.serviceLevelOfAnswered, e.sl_answered_of_answered, `${id}.sl_answered_of_answered`);
    expectClose(erlangAOfferedWaitTail(inputs), e.prob_offered_wait_gt_t, `${id}.prob_offered_wait_gt_t`);
  });
});

describe("solveAgents matches the reference required agents for Erlang C", () => {
  it.each(casesOf("required_agents_erlang_c"))("%s", (id, c) => {
    const traffic = {
      arrivalRatePerSec: rateOf(c.inputs), ahtSec: c.inputs.aht_seconds!, targetAnswerSec: c.inputs.target_answer_time_seconds!,
    };
    const e = c.expected;
    const r = solveAgents({ ...traffic, model: "c", targetServiceLevel: c.inputs.target_service_level! });
    expect(r.agents, `${id}.required_agents`).toBe(e.required_agents);
    expect(r.targetMet).toBe(true);
    expect(r.scheduledAgents).toBe(e.required_agents);
    expectClose(r.serviceLevel, e.service_level_at_required, `${id}.service_level_at_required`);
    expectClose(r.occupancy, e.occupancy_at_required, `${id}.occupancy_at_required`);
    const below = erlangC({ ...traffic, agents: r.agents - 1 });
    expectClose(below.serviceLevel, e.service_level_at_required_minus_1, `${id}.service_level_at_required_minus_1`);
  });
});

describe("solveAgents matches the reference required agents for Erlang A in both conventions", () => {
  const conventions = [
    ["answeredWithin", "sl_answered_within_t", "serviceLevel"],
    ["waitWithin", "sl_wait_within_t", "serviceLevelWaitWithin"],
  ] as const;
  const cases = casesOf("required_agents_erlang_a").flatMap(([id, c]) => conventions.map((v) => [`${id} ${v[0]}`, c, v] as const));
  it.each(cases)("%s", (label, c, [convention, field, key]) => {
    const traffic = {
      arrivalRatePerSec: rateOf(c.inputs), ahtSec: c.inputs.aht_seconds!, patienceSec: c.inputs.patience_mean_seconds!,
      targetAnswerSec: c.inputs.target_answer_time_seconds!,
    };
    const e = c.expected;
    const r = solveAgents({ ...traffic, model: "a", convention, targetServiceLevel: c.inputs.target_service_level! });
    expect(r.agents, `${label}: required_agents_${field}`).toBe(e[`required_agents_${field}`]);
    expect(r.targetMet).toBe(true);
    expectClose(r[key], e[`${field}_at_required`], `${label}: ${field}_at_required`);
    expectClose(r.probAbandon, e[`prob_abandon_at_${field}_required`], `${label}: prob_abandon_at_${field}_required`);
    const below = erlangA({ ...traffic, agents: r.agents - 1 });
    expectClose(below[key], e[`${field}_at_required_minus_1`], `${label}: ${field}_at_required_minus_1`);
  });
  it("defaults to the answered-within convention", () => {
    const [, c] = casesOf("required_agents_erlang_a")[1]!;
    const r = solveAgents({
      arrivalRatePerSec: rateOf(c.inputs), ahtSec: c.inputs.aht_seconds!, patienceSec: c.inputs.patience_mean_seconds!,
      targetAnswerSec: c.inputs.target_answer_time_seconds!, model: "a", targetServiceLevel: c.inputs.target_service_level!,
    });
    expect(r.agents).toBe(c.expected.required_agents_sl_answered_within_t);
  });
});
