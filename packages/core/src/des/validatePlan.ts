import type { Plan, PlanChannel } from "./plan.js";

const CHANNELS: readonly PlanChannel[] = ["phone", "chat", "email", "selfService"];

/**
 * Checks the invariants the engine relies on and throws an Error naming the first field that breaks one,
 * e.g. `invalid queues[0].fcr: 1.2; expected a probability in [0, 1]`. A compiled plan always passes; this
 * guards hand-built plans (tests, the CLI's --rate mode) from silent nonsense such as NaN times in the heap.
 */
export function validatePlan(plan: Plan): void {
  const fail = (field: string, value: unknown, expected: string): never => {
    throw new Error(`invalid ${field}: ${String(value)}; expected ${expected}`);
  };
  const wholeAtLeast = (field: string, value: number, min: number) => {
    if (!(Number.isInteger(value) && value >= min)) fail(field, value, `a whole number ≥ ${min}`);
  };
  const probability = (field: string, value: number) => {
    if (!(value >= 0 && value <= 1)) fail(field, value, "a probability in [0, 1]");
  };
  if (!(plan.intervalSec > 0 && Number.isFinite(plan.intervalSec))) fail("intervalSec", plan.intervalSec, "a finite number > 0");
  wholeAtLeast("intervalCount", plan.intervalCount, 0);
  wholeAtLeast("intervalsPerDay", plan.intervalsPerDay, 1);
  if (!(plan.warmupSec >= 0)) fail("warmupSec", plan.warmupSec, "a number ≥ 0");
  if (!Number.isFinite(plan.seed)) fail("seed", plan.seed, "a finite number");
  if (plan.queues.length === 0) fail("queues", "[]", "at least one queue");
  plan.queues.forEach((queue, q) => {
    const at = `queues[${q}]`;
    if (queue.arrivalRatePerSec.length !== plan.intervalCount) {
      fail(`${at}.arrivalRatePerSec length`, queue.arrivalRatePerSec.length, `one rate per interval (${plan.intervalCount})`);
    }
    queue.arrivalRatePerSec.forEach((rate, i) => {
      if (!(rate >= 0 && Number.isFinite(rate))) fail(`${at}.arrivalRatePerSec[${i}]`, rate, "a finite rate ≥ 0");
    });
    if (!(queue.candidateRatePerSec >= 0 && Number.isFinite(queue.candidateRatePerSec))) {
      fail(`${at}.candidateRatePerSec`, queue.candidateRatePerSec, "a finite rate ≥ 0");
    }
    if (!(queue.dailyVolumeCv >= 0 && Number.isFinite(queue.dailyVolumeCv))) {
      fail(`${at}.dailyVolumeCv`, queue.dailyVolumeCv, "a finite number ≥ 0");
    }
    if (!(queue.targetAnswerSec >= 0)) fail(`${at}.targetAnswerSec`, queue.targetAnswerSec, "a number ≥ 0");
    if (queue.targetServiceLevel !== undefined) probability(`${at}.targetServiceLevel`, queue.targetServiceLevel);
    probability(`${at}.fcr`, queue.fcr);
    if (queue.channel !== undefined && !CHANNELS.includes(queue.channel)) fail(`${at}.channel`, queue.channel, `one of ${CHANNELS.join(", ")}`);
    if (queue.chatMaxSessions !== undefined) wholeAtLeast(`${at}.chatMaxSessions`, queue.chatMaxSessions, 1);
    if (queue.chatHandleGrowthPerSession !== undefined && !(queue.chatHandleGrowthPerSession >= 0 && Number.isFinite(queue.chatHandleGrowthPerSession))) {
      fail(`${at}.chatHandleGrowthPerSession`, queue.chatHandleGrowthPerSession, "a finite number ≥ 0");
    }
    if (queue.resolutionTime && !(queue.resolutionTimeMeanSec !== undefined && queue.resolutionTimeMeanSec >= 0 && Number.isFinite(queue.resolutionTimeMeanSec))) {
      fail(`${at}.resolutionTimeMeanSec`, queue.resolutionTimeMeanSec, "the finite mean (≥ 0) of resolutionTime, in seconds");
    }
    probability(`${at}.retryProbability`, queue.retryProbability);
    const priority = queue.priority;
    if (priority) {
      if (!(priority.headStartSec >= 0)) fail(`${at}.priority.headStartSec`, priority.headStartSec, "a number of seconds ≥ 0 (Infinity: strict priority)");
      if (priority.shareByInterval.length !== plan.intervalCount) {
        fail(`${at}.priority.shareByInterval length`, priority.shareByInterval.length, `one share per interval (${plan.intervalCount})`);
      }
      priority.shareByInterval.forEach((share, i) => probability(`${at}.priority.shareByInterval[${i}]`, share));
    }
    for (const [name, scale] of [
      ["handleScaleByInterval", queue.handleScaleByInterval],
      ["patienceScaleByInterval", queue.patienceScaleByInterval],
    ] as const) {
      if (!scale) continue;
      if (scale.length !== plan.intervalCount) fail(`${at}.${name} length`, scale.length, `one factor per interval (${plan.intervalCount})`);
      scale.forEach((factor, i) => {
        if (!(factor >= 0)) fail(`${at}.${name}[${i}]`, factor, "a factor ≥ 0");
        if (name === "handleScaleByInterval" && !Number.isFinite(factor)) fail(`${at}.${name}[${i}]`, factor, "a finite factor");
      });
    }
  });
  if (plan.wagePerHour !== undefined && !(plan.wagePerHour >= 0 && Number.isFinite(plan.wagePerHour))) {
    fail("wagePerHour", plan.wagePerHour, "a finite amount ≥ 0");
  }
  const experience = plan.experience;
  if (experience) {
    const queues = plan.queues.length;
    probability("experience.surveyResponseRate", experience.surveyResponseRate);
    if (experience.answeredLogOdds.length !== 4 * queues) fail("experience.answeredLogOdds length", experience.answeredLogOdds.length, `4 per queue (${4 * queues})`);
    experience.answeredLogOdds.forEach((value, i) => {
      if (Number.isNaN(value)) fail(`experience.answeredLogOdds[${i}]`, value, "a number (±Infinity allowed)");
    });
    if (experience.waitLogOdds.length === 0) fail("experience.waitLogOdds length", 0, "at least one entry");
    experience.waitLogOdds.forEach((value, i) => {
      if (!Number.isFinite(value)) fail(`experience.waitLogOdds[${i}]`, value, "a finite number");
    });
    if (!(experience.waitStepSec > 0 && Number.isFinite(experience.waitStepSec))) fail("experience.waitStepSec", experience.waitStepSec, "a finite number > 0");
    for (const [name, values] of [["waitGraceSecByQueue", experience.waitGraceSecByQueue], ["waitScaleByQueue", experience.waitScaleByQueue]] as const) {
      if (values.length !== queues) fail(`experience.${name} length`, values.length, `one per queue (${queues})`);
      values.forEach((value, i) => {
        if (!(value >= 0 && Number.isFinite(value))) fail(`experience.${name}[${i}]`, value, "a finite number ≥ 0");
      });
    }
    probability("experience.complaintPropensity", experience.complaintPropensity);
    if (!(experience.complaintElasticity >= 0 && Number.isFinite(experience.complaintElasticity))) fail("experience.complaintElasticity", experience.complaintElasticity, "a finite number ≥ 0");
    if (!(experience.resolutionReferenceSec > 0 && Number.isFinite(experience.resolutionReferenceSec))) {
      fail("experience.resolutionReferenceSec", experience.resolutionReferenceSec, "a finite number of seconds > 0");
    }
    if (experience.resolutionShiftByLogRatio.length === 0) fail("experience.resolutionShiftByLogRatio length", 0, "at least one entry");
    experience.resolutionShiftByLogRatio.forEach((value, i) => {
      if (!Number.isFinite(value)) fail(`experience.resolutionShiftByLogRatio[${i}]`, value, "a finite number");
    });
    if (!Number.isFinite(experience.resolutionLogRatioMin)) fail("experience.resolutionLogRatioMin", experience.resolutionLogRatioMin, "a finite number");
    if (!(experience.resolutionStepsPerUnit > 0 && Number.isFinite(experience.resolutionStepsPerUnit))) {
      fail("experience.resolutionStepsPerUnit", experience.resolutionStepsPerUnit, "a finite number > 0");
    }
    probability("experience.abandonedComplaintPropensity", experience.abandonedComplaintPropensity);
    wholeAtLeast("experience.abandonedWaitSteps", experience.abandonedWaitSteps, 1);
    if (experience.abandonedSatisfactionByWait.length !== 2 * experience.abandonedWaitSteps) {
      fail("experience.abandonedSatisfactionByWait length", experience.abandonedSatisfactionByWait.length, `two rows of abandonedWaitSteps (${2 * experience.abandonedWaitSteps})`);
    }
    experience.abandonedSatisfactionByWait.forEach((value, i) => probability(`experience.abandonedSatisfactionByWait[${i}]`, value));
    for (const kind of ["satisfied", "dissatisfied"] as const) {
      for (const share of ["promoters", "detractors", "churn"] as const) probability(`experience.loyalty.${kind}.${share}`, experience.loyalty[kind][share]);
    }
  }
  plan.groups.forEach((group, g) => {
    const at = `groups[${g}]`;
    group.serves.forEach((q, i) => {
      if (!(Number.isInteger(q) && q >= 0 && q < plan.queues.length)) fail(`${at}.serves[${i}]`, q, "a queue index");
    });
    probability(`${at}.shrinkage`, group.shrinkage);
    if (group.handleMultiplier !== undefined && !(group.handleMultiplier > 0 && Number.isFinite(group.handleMultiplier))) {
      fail(`${at}.handleMultiplier`, group.handleMultiplier, "a finite factor > 0");
    }
    if (group.staffingTimesSec.length !== group.staffingCounts.length) {
      fail(`${at}.staffingCounts length`, group.staffingCounts.length, `one count per time (${group.staffingTimesSec.length})`);
    }
    let previous = -Infinity;
    group.staffingTimesSec.forEach((time, i) => {
      if (!(time >= previous)) fail(`${at}.staffingTimesSec[${i}]`, time, "times in increasing order");
      previous = time;
      wholeAtLeast(`${at}.staffingCounts[${i}]`, group.staffingCounts[i]!, 0);
    });
  });
}
