import { describe, expect, it } from "vitest";
import full from "../schema/fixtures/full.json" with { type: "json" };
import minimal from "../schema/fixtures/minimal.json" with { type: "json" };
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario } from "../schema/scenario.js";
import { kpiVectorLayout } from "../compare/kpiVectorLayout.js";
import { compileScenario } from "./compile.js";
import { expectedContacts, expectedContactsByQueue } from "./expectedContacts.js";
import { scenarioSpanSec } from "./scenarioSpanSec.js";

function parsed(raw: unknown): Scenario {
  const result = parseScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((total, value) => total + value, 0);

describe("compileScenario on the minimal scenario", () => {
  const plan = compileScenario(parsed(minimal));
  const queue = plan.queues[0]!;

  it("lays out the span in intervals of seconds", () => {
    expect(plan).toMatchObject({ name: "Small test center", seed: 1, intervalSec: 3600, intervalsPerDay: 24, intervalCount: 48, warmupSec: 0 });
    expect(plan.dayLabels).toEqual(["mon", "tue"]);
    expect(plan.intervalLabels).toHaveLength(48);
    expect(plan.intervalLabels.slice(0, 2)).toEqual(["mon 00:00", "mon 01:00"]);
    expect(plan.intervalLabels[47]).toBe("tue 23:00");
  });

  it("spreads each day's contacts over its intervals: rates × interval length sum to the forecast", () => {
    expect(queue.arrivalRatePerSec).toHaveLength(48);
    expect(sum(queue.arrivalRatePerSec.subarray(0, 24)) * 3600).toBeCloseTo(480, 9);
    expect(sum(queue.arrivalRatePerSec.subarray(24)) * 3600).toBeCloseTo(240, 9);
    expect(queue.arrivalRatePerSec[0]).toBeCloseTo(20 / 3600, 15);
    expect(queue.candidateRatePerSec).toBeCloseTo(20 / 3600, 15);
  });

  it("builds samplers from the distributions, in seconds", () => {
    expect(queue.handleMeanSec).toBe(180);
    expect(queue.handle(0.5)).toBeCloseTo(180 * Math.LN2, 9);
    expect(queue.patience!(0.5)).toBeCloseTo(300 * Math.LN2, 9);
    // The default repeat delay: exponential with a mean of 24 hours.
    expect(queue.repeatDelay(0.5)).toBeCloseTo(86_400 * Math.LN2, 6);
    expect(queue).toMatchObject({ fcr: 1, retryProbability: 0, dailyVolumeCv: 0, targetAnswerSec: 20 });
  });

  it("turns the shifts into a staffing step function over both days", () => {
    const group = plan.groups[0]!;
    expect([...group.serves]).toEqual([0]);
    expect(group.shrinkage).toBe(0);
    const h = (hours: number) => hours * 3600;
    // Day 08:00–16:00 with a break 12:00–12:30 on both days; Night 22:00–08:00 on Monday only.
    expect([...group.staffingTimesSec]).toEqual([0, h(8), h(12), h(12.5), h(16), h(22), h(32), h(36), h(36.5), h(40)]);
    expect([...group.staffingCounts]).toEqual([0, 5, 0, 5, 0, 2, 5, 0, 5, 0]);
  });
});

describe("compileScenario on the full fixture", () => {
  const scenario = parsed(full);
  const plan = compileScenario(scenario);

  it("labels dated days and intervals with ISO dates", () => {
    expect(plan.dayLabels).toEqual(["2026-11-22", "2026-11-23", "2026-11-24"]);
    expect(plan.intervalLabels[0]).toBe("2026-11-22T00:00");
    expect(plan.intervalLabels[49]).toBe("2026-11-23T00:30");
  });

  it("takes interval forecasts as they are and profile forecasts by the profile", () => {
    const [phone, chat] = plan.queues;
    expect(sum(chat!.arrivalRatePerSec) * 1800).toBeCloseTo(sum(full.queues[1]!.forecast.intervalContacts!), 9);
    expect(chat!.arrivalRatePerSec[18]).toBeCloseTo(20 / 1800, 15);
    expect(sum(phone!.arrivalRatePerSec) * 1800).toBeCloseTo(300 + 1200 + 1100, 9);
    expect(phone!.arrivalRatePerSec[0]).toBe(0); // closed at midnight
    // Sunday follows retail-weekend (opens at 08:00), Monday retail-weekday (opens at 07:00).
    expect(phone!.arrivalRatePerSec[14]).toBe(0);
    expect(phone!.arrivalRatePerSec[16]).toBeGreaterThan(0);
    expect(phone!.arrivalRatePerSec[48 + 14]).toBeGreaterThan(0);
    expect(sum(phone!.arrivalRatePerSec.subarray(0, 48)) * 1800).toBeCloseTo(300, 9);
    expect(phone!.candidateRatePerSec).toBe(Math.max(...phone!.arrivalRatePerSec));
  });

  it("carries fcr, retries, dispersion and priorities into the plan", () => {
    const [phone, chat] = plan.queues;
    expect(phone).toMatchObject({ fcr: 0.78, retryProbability: 0.3, dailyVolumeCv: 0.08, handleMeanSec: 300 });
    expect(chat!.handleMeanSec).toBe(420);
    expect(chat!.patience!(0)).toBe(30);
    expect(phone!.retryDelay(0.5)).toBeCloseTo(600 * Math.LN2, 9);
    expect([...plan.groups[0]!.serves]).toEqual([0, 1]);
    expect([...plan.groups[1]!.serves]).toEqual([1]);
    expect(plan.groups[0]!.shrinkage).toBe(0.12);
  });

  it("carries each queue's target service level (the default 0.8 where the file gives none)", () => {
    const [phone, chat] = plan.queues;
    expect(phone!.targetServiceLevel).toBe(0.8);
    expect(chat!.targetServiceLevel).toBe(0.8);
    const strict = parsed({ ...full, queues: [{ ...full.queues[0], targetServiceLevel: 0.9 }, full.queues[1]] });
    expect(compileScenario(strict).queues[0]!.targetServiceLevel).toBe(0.9);
    expect(kpiVectorLayout(compileScenario(strict)).targetServiceLevel).toBe(0.9);
  });

  it("starts Sunday with Saturday's night shift still on", () => {
    expect(plan.groups[0]!.staffingCounts[0]).toBe(2);
  });

  it("sizes the span and the expected contacts", () => {
    expect(scenarioSpanSec(scenario)).toBe(3 * 86_400);
    const chatContacts = sum(full.queues[1]!.forecast.intervalContacts!);
    // Phone: retries at 0.3 outweigh repeats at 1 − 0.78, and their 10-minute delay is short beside the span, so its
    // bound is the geometric series 1 / (1 − 0.3). Chat cannot abandon: repeats only, a lognormal 30 hours apart,
    // fewer than the geometric 1 / 0.78 within three days.
    const [phone, chat] = expectedContactsByQueue(scenario);
    expect(phone!.offered).toBeCloseTo(2600 / 0.7, 6);
    expect(chat!.firstContacts).toBeCloseTo(chatContacts, 9);
    expect(chat!.offered).toBeGreaterThan(chatContacts * 1.2);
    expect(chat!.offered).toBeLessThan(chatContacts / 0.78);
    expect(expectedContacts(scenario)).toBeCloseTo(phone!.offered + chat!.offered, 9);
  });
});

describe("compileScenario labels", () => {
  it("uses HH:MM for a single day without a date, and numbers a weekday that comes back", () => {
    const oneDay = parsed({ ...minimal, days: ["mon"], queues: [{ ...minimal.queues[0], forecast: { dailyContacts: [100], intradayProfile: "flat" } }] });
    expect(compileScenario(oneDay).intervalLabels.slice(0, 2)).toEqual(["00:00", "01:00"]);
    const twoMondays = parsed({ ...minimal, days: ["mon", "mon"] });
    expect(compileScenario(twoMondays).dayLabels).toEqual(["mon", "mon #2"]);
  });
});

describe("compileScenario channels, experience and wage", () => {
  const channels = parsed({
    ...minimal,
    queues: [
      { ...minimal.queues[0], name: "email", channel: "email", email: { responseTargetHours: 8 } },
      { ...minimal.queues[0], name: "phone" },
      { ...minimal.queues[0], name: "chat", channel: "chat", chat: { maxSessions: 3 } },
      { ...minimal.queues[0], name: "web", channel: "selfService" },
      { ...minimal.queues[0], name: "email2", channel: "email", email: { priority: "asListed" } },
    ],
    groups: [{ ...minimal.groups[0], serves: ["email", "web", "chat", "email2", "phone"] }],
    resolution: { fcr: 0.8, repeatDelay: { dist: "exponential", meanHours: 24 }, resolutionTime: { dist: "lognormal", meanHours: 48, cv: 1 } },
    money: { wagePerHour: 30 },
  });
  const plan = compileScenario(channels);
  const [email, phone, chat, web, email2] = plan.queues;

  it("puts email last in each group (priority lowest) unless asListed, and drops self-service from every group", () => {
    expect([...plan.groups[0]!.serves]).toEqual([2, 4, 1, 0]);
  });

  it("gives email its target in hours and chat its sessions; phone is the default channel", () => {
    expect(email).toMatchObject({ channel: "email", targetAnswerSec: 8 * 3600 });
    expect(email2!.targetAnswerSec).toBe(24 * 3600);
    expect(phone).toMatchObject({ channel: "phone", targetAnswerSec: 20 });
    expect(chat).toMatchObject({ channel: "chat", chatMaxSessions: 3, chatHandleGrowthPerSession: 0.25 });
    expect(web!.channel).toBe("selfService");
  });

  it("carries the resolution time (mean and sampler) and the wage; compiles the experience model", () => {
    expect(phone!.resolutionTimeMeanSec).toBe(48 * 3600);
    expect(phone!.resolutionTime!(0.5)).toBeGreaterThan(0);
    expect(plan.wagePerHour).toBe(30);
    expect(plan.experience!.answeredLogOdds).toHaveLength(20);
    // Email counts its wait past the 8-hour target, an hour late as a minute.
    expect(plan.experience!.waitGraceSecByQueue[0]).toBe(8 * 3600);
    expect(plan.experience!.waitScaleByQueue[0]).toBeCloseTo(1 / 60, 12);
    expect(compileScenario(parsed(minimal)).wagePerHour).toBeUndefined();
  });
});

describe("compileScenario with ramping agents", () => {
  const withRamping = structuredClone(minimal) as typeof minimal & { groups: { shifts: Record<string, unknown>[] }[] };
  withRamping.groups[0]!.shifts[0]!.ramping = [{ agents: 2, productivity: 0.5 }, { agents: 1, productivity: 0.8 }];
  const plan = compileScenario(parsed(withRamping));

  it("splits a group by speed: full-speed agents keep the group, each productivity becomes a group after it", () => {
    expect(plan.groups.map((group) => group.name)).toEqual([
      "Agents",
      "Agents (ramping, 80% productivity)",
      "Agents (ramping, 50% productivity)",
    ]);
    expect(plan.groups.map((group) => group.handleMultiplier)).toEqual([undefined, 1.25, 2]);
    const h = (hours: number) => hours * 3600;
    // The Day shift's 5 agents: 2 full speed, 1 at 80%, 2 at 50%; the Night shift's 2 are all full speed (so at
    // Tuesday 08:00 the full-speed count stays 2: Night's leave as Day's arrive).
    expect([...plan.groups[0]!.staffingTimesSec]).toEqual([0, h(8), h(12), h(12.5), h(16), h(22), h(36), h(36.5), h(40)]);
    expect([...plan.groups[0]!.staffingCounts]).toEqual([0, 2, 0, 2, 0, 2, 0, 2, 0]);
    expect([...plan.groups[1]!.staffingTimesSec]).toEqual([0, h(8), h(12), h(12.5), h(16), h(32), h(36), h(36.5), h(40)]);
    expect([...plan.groups[1]!.staffingCounts]).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0]);
    expect([...plan.groups[2]!.staffingCounts]).toEqual([0, 2, 0, 2, 0, 2, 0, 2, 0]);
    for (const group of plan.groups) expect([...group.serves]).toEqual([0]);
  });

  it("refuses more ramping agents than the shift has", () => {
    const tooMany = structuredClone(minimal) as typeof withRamping;
    tooMany.groups[0]!.shifts[0]!.ramping = [{ agents: 6, productivity: 0.5 }];
    const result = parseScenario(tooMany);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toContain("groups[0].shifts[0].ramping");
  });
});

describe("compileScenario with a measured patience curve and a priority class", () => {
  const raw = structuredClone(minimal) as { queues: Record<string, unknown>[] };
  raw.queues[0]!.patience = { dist: "survival", timesSec: [10, 60, 120], survival: [0.9, 0.6, 0.4], tailMeanSec: 150 };
  raw.queues[0]!.priorityClass = { name: "gold", share: 0.25, headStartSec: 90 };
  const plan = compileScenario(parsed(raw));
  const queue = plan.queues[0]!;

  it("samples patience from the curve and gives the class its share in every interval", () => {
    expect(queue.patience!(0.4)).toBeCloseTo(60, 9);
    expect(queue.priority).toMatchObject({ name: "gold", headStartSec: 90 });
    expect(queue.priority!.shareByInterval).toHaveLength(plan.intervalCount);
    expect(Array.from(queue.priority!.shareByInterval).every((share) => share === 0.25)).toBe(true);
  });
});
