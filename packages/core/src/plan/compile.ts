import type { DurationSampler, Plan, PlanExperience, PlanGroup, PlanQueue } from "../des/plan.js";
import { compileExperience } from "../experience/compileExperience.js";
import { distributionMean, inverseCdf } from "../random/distributions.js";
import { durationToSeconds } from "../schema/distribution.js";
import { centralValue, resolveCentral } from "../schema/uncertain.js";
import { chatSchema, emailSchema, type Scenario, type ScenarioGroup, type ScenarioQueue } from "../schema/scenario.js";
import type { Shift } from "../schema/shift.js";
import type { Weekday } from "../schema/weekday.js";
import { intradayWeights } from "./intradayProfiles.js";
import { dayLabels, intervalLabels } from "./planLabels.js";
import { staffingTimeline } from "./staffingTimeline.js";

// A sampler for a delay that is never used (no retries): zero draws, and it keeps the plan's shape.
const UNUSED: DurationSampler = () => 0;

/**
 * Compiles a parsed scenario into the plan the engine runs, in seconds throughout: arrival rates per
 * interval from the forecast (a day's contacts spread by its intraday profile, or the contacts of each
 * interval, divided by the interval length; a weekday may have its own profile), the candidate rate for thinning (the largest interval rate),
 * each group's staffing step function over the whole span from its shifts and breaks (see
 * `staffingTimeline`), inverse-CDF samplers for handle time, patience (null when the file gives none:
 * nobody abandons), repeat and retry delays, and labels for days and intervals. No warm-up: the span
 * starts empty, as a center does at opening. `interventions` are ignored: see `scenarioVariants`.
 * Channels: an email queue's answer target is its `email.responseTargetHours`, and (priority "lowest", the
 * default) each group serving it works it after all its other queues; a self-service queue is dropped from every
 * group's `serves` (it needs no agent); chat queues carry their sessions per agent and handle-time growth.
 * The experience model is compiled from `experience` and `resolution.resolutionTime` (`compileExperience`), and
 * `money.wagePerHour`, when given, rides along for cost per contact. Uncertain numbers are taken at their central
 * values: resolve the scenario at a draw first (core's uncertainty/) to compile it there.
 * Expects a scenario from `parseScenario`; throws on one that breaks its cross-field rules.
 */
export function compileScenario(scenario: Scenario): Plan {
  const intervalSec = scenario.intervalMinutes * 60;
  const intervalsPerDay = 1440 / scenario.intervalMinutes;
  const intervalCount = scenario.days.length * intervalsPerDay;
  const days = dayLabels(scenario);
  const queueIndex = new Map(scenario.queues.map((queue, index) => [queue.name, index]));

  const queues = scenario.queues.map((queue): PlanQueue => {
    const arrivalRatePerSec = arrivalRates(queue, scenario);
    const handle = durationToSeconds(queue.handle);
    const email = queue.channel === "email" ? (queue.email ?? emailSchema.parse({})) : null;
    const resolutionTime = scenario.resolution.resolutionTime;
    const chat = queue.channel === "chat" ? (queue.chat ?? chatSchema.parse({})) : null;
    return {
      name: queue.name,
      arrivalRatePerSec,
      candidateRatePerSec: arrivalRatePerSec.reduce((max, rate) => Math.max(max, rate), 0),
      dailyVolumeCv: queue.forecast.dailyCv,
      handle: inverseCdf(handle),
      handleMeanSec: distributionMean(handle),
      patience: queue.patience ? inverseCdf(durationToSeconds(queue.patience)) : null,
      targetAnswerSec: email ? email.responseTargetHours * 3600 : queue.targetAnswerSec,
      targetServiceLevel: queue.targetServiceLevel,
      fcr: scenario.resolution.fcr,
      repeatDelay: inverseCdf(durationToSeconds(scenario.resolution.repeatDelay)),
      retryProbability: queue.retry?.probability ?? 0,
      retryDelay: queue.retry ? inverseCdf(durationToSeconds(queue.retry.delay)) : UNUSED,
      channel: queue.channel,
      resolutionTime: resolutionTime ? inverseCdf(durationToSeconds(resolutionTime)) : null,
      ...(resolutionTime ? { resolutionTimeMeanSec: distributionMean(durationToSeconds(resolutionTime)) } : {}),
      ...(chat ? { chatMaxSessions: chat.maxSessions, chatHandleGrowthPerSession: chat.handleGrowthPerSession } : {}),
      ...(queue.priorityClass
        ? {
            priority: {
              name: queue.priorityClass.name,
              headStartSec: queue.priorityClass.headStartSec,
              shareByInterval: new Float64Array(intervalCount).fill(queue.priorityClass.share),
              ...(queue.priorityClass.patience ? { patience: inverseCdf(durationToSeconds(queue.priorityClass.patience)) } : {}),
            },
          }
        : {}),
    };
  });
  const lastInGroups = (queue: ScenarioQueue) => queue.channel === "email" && (queue.email?.priority ?? "lowest") === "lowest";

  const groupOf = (group: ScenarioGroup, shifts: readonly Shift[], name: string): PlanGroup => {
    const timeline = staffingTimeline({ shifts, days: scenario.days });
    return {
      name,
      serves: Int32Array.from(servedQueues(group.serves.map((queueName) => {
        const index = queueIndex.get(queueName);
        if (index === undefined) throw new Error(`invalid group "${group.name}": serves unknown queue "${queueName}"`);
        return index;
      }))),
      shrinkage: group.shrinkage,
      staffingTimesSec: timeline.timesSec,
      staffingCounts: timeline.counts,
    };
  };
  const groups = scenario.groups.map((group) => groupOf(group, group.shifts.map(fullSpeedPart), group.name));
  // Ramping agents: one plan group per group and productivity, after all the scenario's groups, so that the other
  // groups keep their indices (and their shrinkage draws) and the router offers contacts to full-speed agents first.
  for (const group of scenario.groups) {
    for (const productivity of rampingProductivities(group)) {
      const shifts = group.shifts.map((shift) => ({ ...shift, agents: rampingAt(shift, productivity) }));
      const name = `${group.name} (ramping, ${Math.round(productivity * 100)}% productivity)`;
      groups.push({ ...groupOf(group, shifts, name), handleMultiplier: 1 / productivity });
    }
  }

  function servedQueues(indices: number[]): number[] {
    const served = indices.filter((q) => scenario.queues[q]!.channel !== "selfService");
    return [...served.filter((q) => !lastInGroups(scenario.queues[q]!)), ...served.filter((q) => lastInGroups(scenario.queues[q]!))];
  }

  const experience = scenarioExperience(scenario, queues);

  return {
    name: scenario.name,
    seed: scenario.seed,
    intervalSec,
    intervalsPerDay,
    intervalCount,
    intervalLabels: intervalLabels({ dayLabels: days, intervalMinutes: scenario.intervalMinutes, dated: scenario.startDate !== undefined }),
    dayLabels: days,
    warmupSec: 0,
    queues,
    groups,
    experience,
    ...(scenario.money ? { wagePerHour: centralValue(scenario.money.wagePerHour) } : {}),
  };
}

/**
 * The experience model of a scenario for its compiled queues (`compileExperience` with what each queue brings: its
 * channel, resolution time, and for email the response target and how lateness counts). Uncertain numbers at their
 * central values, unless the scenario is resolved at a draw. What a replication with its own draw of the experience
 * inputs swaps into the simulator (`Simulator.setExperience`).
 */
export function scenarioExperience(scenario: Scenario, queues: readonly PlanQueue[]): PlanExperience {
  return compileExperience({
    experience: resolveCentral(scenario.experience),
    queues: scenario.queues.map((queue, q) => ({
      ...queues[q]!,
      waitGraceSec: queues[q]!.targetAnswerSec,
      lateMinutesPerHour: queue.email?.satisfactionMinutesPerHourLate,
    })),
  });
}

/** The shift's full-speed agents: its agents less the ramping ones (never below 0). */
function fullSpeedPart(shift: Shift): Shift {
  const ramping = (shift.ramping ?? []).reduce((sum, part) => sum + part.agents, 0);
  return ramping === 0 ? shift : { ...shift, agents: Math.max(0, shift.agents - ramping) };
}

/** The distinct productivities of a group's ramping agents, fastest first. */
function rampingProductivities(group: ScenarioGroup): number[] {
  const levels = new Set(group.shifts.flatMap((shift) => (shift.ramping ?? []).filter((part) => part.agents > 0).map((part) => part.productivity)));
  return [...levels].sort((a, b) => b - a);
}

/** A shift's ramping agents at one productivity, at most its agents. */
function rampingAt(shift: Shift, productivity: number): number {
  const agents = (shift.ramping ?? []).reduce((sum, part) => sum + (part.productivity === productivity ? part.agents : 0), 0);
  return Math.min(agents, shift.agents);
}

/** Expected arrivals per second in each interval of the span, from a queue's forecast. */
export function arrivalRates(queue: ScenarioQueue, scenario: Pick<Scenario, "days" | "intervalMinutes">): Float64Array {
  const intervalSec = scenario.intervalMinutes * 60;
  const intervalsPerDay = 1440 / scenario.intervalMinutes;
  const rates = new Float64Array(scenario.days.length * intervalsPerDay);
  const forecast = queue.forecast;
  if ("intervalContacts" in forecast) {
    if (forecast.intervalContacts.length !== rates.length) {
      throw new Error(`invalid queue "${queue.name}": ${forecast.intervalContacts.length} interval volumes; expected ${rates.length}`);
    }
    forecast.intervalContacts.forEach((contacts, i) => (rates[i] = contacts / intervalSec));
    return rates;
  }
  if (forecast.dailyContacts.length !== scenario.days.length) {
    throw new Error(`invalid queue "${queue.name}": ${forecast.dailyContacts.length} daily volumes; expected ${scenario.days.length}`);
  }
  const weightsByWeekday = new Map<Weekday, number[]>();
  forecast.dailyContacts.forEach((contacts, day) => {
    const weekday = scenario.days[day]!;
    let weights = weightsByWeekday.get(weekday);
    if (!weights) {
      weights = intradayWeights(forecast.intradayProfileByWeekday?.[weekday] ?? forecast.intradayProfile, scenario.intervalMinutes);
      weightsByWeekday.set(weekday, weights);
    }
    for (let i = 0; i < intervalsPerDay; i++) rates[day * intervalsPerDay + i] = (contacts * weights[i]!) / intervalSec;
  });
  return rates;
}
