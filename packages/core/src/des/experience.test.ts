import { describe, expect, it } from "vitest";
import { compileExperience, experienceScale, resolutionTimeShift } from "../experience/compileExperience.js";
import { complaintPropensity } from "../experience/complaints.js";
import { logOddsShift, sigmoid } from "../experience/satisfactionScale.js";
import { computeKpis } from "../kpi/registry.js";
import { inverseCdf } from "../random/distributions.js";
import { DEFAULT_EXPERIENCE, experienceSchema } from "../schema/experience.js";
import type { Plan } from "./plan.js";
import { QUEUE_COUNTER_COUNT, QueueCounter as Q, sumCounters, type ReplicationResult } from "./result.js";
import { createSimulator, simulateReplication } from "./simulate.js";
import { stationaryPlan } from "./stationaryPlan.js";
import { describe as explain, meanInterval } from "./testing/replicationStats.js";
import { deterministic, exponential, testPlan } from "./testing/testPlan.js";
import { COMPARISON_ALPHA } from "./testing/validationFamily.js";
import { resolveCentral } from "../schema/uncertain.js";

const parseExperience = (settings: unknown) => resolveCentral(experienceSchema.parse(settings));

const HOUR = 3600;
const DAY = 24 * HOUR;
const SERVICE_COUNTERS = [
  Q.offered, Q.answered, Q.answeredWithinTarget, Q.abandoned, Q.abandonedWithinTarget, Q.delayed, Q.waitAnsweredSumSec,
  Q.waitAbandonedSumSec, Q.handleSumSec, Q.resolved, Q.repeatOffered, Q.retryOffered, Q.unfinished, Q.queueLengthSec, Q.agentSec,
];

const totals = (result: ReplicationResult) => sumCounters(result, { from: 0, to: result.intervalCount });
const withExperience = (plan: Plan, settings: unknown): Plan => ({
  ...plan,
  experience: compileExperience({ experience: parseExperience(settings), queues: plan.queues.map((queue) => ({ ...queue, waitGraceSec: queue.targetAnswerSec })) }),
});

/** A busy day with everything that returns: waits, abandonment, retries, repeats, a resolution time. */
function busyDay(): Plan {
  return testPlan({
    intervalCount: 48,
    queues: [
      {
        perHour: Array.from({ length: 48 }, (_, i) => (i >= 16 && i < 40 ? 220 : 20)),
        handle: exponential(240),
        patience: exponential(200),
        retryProbability: 0.4,
        retryDelay: exponential(900),
        fcr: 0.75,
        repeatDelay: exponential(2 * HOUR),
        resolutionTime: inverseCdf({ dist: "lognormal", meanSec: 20 * HOUR, cv: 1.2 }),
        resolutionTimeMeanSec: 20 * HOUR,
      },
    ],
    groups: [{ agents: 15 }],
  });
}

describe("experience in the engine", () => {
  it("common random numbers: changing only experience settings leaves every service counter identical", () => {
    const base = busyDay();
    const other = withExperience(base, {
      referenceCsat: 0.6,
      surveyResponseRate: 0.4,
      abandoned: "excluded",
      wait: { curve: "logistic", changePerMinute: -0.1, floor: 0 },
      effects: [{ name: "training", relativeChange: 0.15, source: "test" }],
      complaints: { dissatisfiedPropensity: 0.2 },
    });
    const a = createSimulator(base);
    const b = createSimulator(other);
    for (let k = 0; k < 3; k++) {
      const ra = a.run(k);
      const rb = b.run(k);
      expect(rb.eventCount).toBe(ra.eventCount);
      expect([...rb.groupCounters]).toEqual([...ra.groupCounters]);
      expect([...rb.waitHistogram]).toEqual([...ra.waitHistogram]);
      for (let cell = 0; cell < ra.intervalCount; cell++) {
        for (const counter of SERVICE_COUNTERS) {
          expect(rb.queueCounters[cell * QUEUE_COUNTER_COUNT + counter]).toBe(ra.queueCounters[cell * QUEUE_COUNTER_COUNT + counter]);
        }
      }
      // … while the experience moved.
      const ka = computeKpis(totals(ra));
      const kb = computeKpis(totals(rb));
      expect(kb.csatExpected).not.toBe(ka.csatExpected);
      expect(kb.complaints!).toBeGreaterThan(ka.complaints!);
    }
  });

  it("the survey is an unbiased sample: CSAT − expected satisfaction has mean 0 across replications", () => {
    const plan = withExperience(busyDay(), { surveyResponseRate: 0.5 });
    const simulator = createSimulator(plan);
    const differences = Array.from({ length: 40 }, (_, k) => {
      const kpis = computeKpis(totals(simulator.run(k)));
      return kpis.csat! - kpis.csatExpected!;
    });
    const interval = meanInterval(differences, COMPARISON_ALPHA);
    expect(Math.abs(interval.mean), explain("CSAT − expected", 0, interval)).toBeLessThanOrEqual(interval.halfWidth);
  });

  it("an ideal day (no wait, every problem resolved at once) gives the ideal satisfaction, its complaints and NPS", () => {
    const plan = testPlan({ intervalCount: 8, queues: [{ perHour: 30, handle: deterministic(100) }], groups: [{ agents: 50 }] });
    const result = simulateReplication(plan, 0);
    const t = totals(result).queue;
    const ideal = sigmoid(experienceScale(DEFAULT_EXPERIENCE).idealLogOdds); // the ideal contact under the defaults
    const answered = t[Q.answered]!;
    expect(answered).toBe(t[Q.offered]);
    expect(t[Q.satisfiedExpected]! / answered).toBeCloseTo(ideal, 9);
    expect(t[Q.complaintsExpected]! / answered).toBeCloseTo((1 - ideal) * 0.04, 12);
    expect(t[Q.journeysEnded]).toBe(answered);
    const kpis = computeKpis(totals(result));
    expect(kpis.nps).toBeCloseTo(100 * (ideal * (0.55 - 0.1) + (1 - ideal) * (0.05 - 0.7)), 9);
    expect(kpis.churnRate).toBeCloseTo(ideal * 0.1 + (1 - ideal) * 0.3, 9);
    expect(kpis.customersLost).toBeCloseTo(answered * (ideal * 0.1 + (1 - ideal) * 0.3), 6);
    // Resolved when the 100-second conversation ends (no resolution time in the plan).
    expect(kpis.resolutionTime).toBeCloseTo(100, 9);
  });

  it("resolution time runs from the problem's first contact to the end of the resolving conversation plus its own time", () => {
    const plan = testPlan({
      intervalCount: 48,
      queues: [{ perHour: 120, handle: deterministic(200), fcr: 1, resolutionTime: deterministic(HOUR), resolutionTimeMeanSec: HOUR }],
      groups: [{ agents: 8 }],
    });
    const t = totals(simulateReplication(plan, 0)).queue;
    expect(t[Q.resolutionTimeSumSec]).toBeCloseTo(t[Q.waitAnsweredSumSec]! + t[Q.handleSumSec]! + HOUR * t[Q.resolved]!, 3);
    // With repeats, a problem's time includes the wait for its repeat contact.
    const repeating = testPlan({
      intervalCount: 48,
      queues: [{ perHour: 60, handle: deterministic(200), fcr: 0.5, repeatDelay: deterministic(HOUR), resolutionTime: deterministic(0), resolutionTimeMeanSec: 0 }],
      groups: [{ agents: 8 }],
    });
    const kpis = computeKpis(totals(simulateReplication(repeating, 0)));
    // Half resolved at once (≈ 200 s), a quarter after one repeat (≈ 200 + 3600 + 200 s), …: mean ≈ 200 + 3800 = 4000 s.
    expect(kpis.resolutionTime!).toBeGreaterThan(3000);
    expect(kpis.resolutionTime!).toBeLessThan(5000);
  });

  it("each contact's satisfaction and complaints follow the time its own problem takes, waits and repeats included", () => {
    const scale = experienceScale(DEFAULT_EXPERIENCE);
    // Everyone answered at once, every problem resolved at the first contact, 100-second calls: a problem takes the
    // call plus its resolution time beyond it, here exactly the reference day, then exactly two days.
    const taking = (problemSec: number, fcr = 1, repeatDelay = deterministic(HOUR)) => {
      const plan = testPlan({
        intervalCount: 4 * 48,
        queues: [{ perHour: 60, handle: deterministic(100), fcr, repeatDelay, resolutionTime: deterministic(problemSec - 100), resolutionTimeMeanSec: problemSec - 100 }],
        groups: [{ agents: 50 }],
      });
      return computeKpis(totals(simulateReplication(plan, 0)));
    };
    const atReference = taking(DAY);
    expect(atReference.csatExpected!).toBeCloseTo(sigmoid(scale.idealLogOdds), 9);
    expect(atReference.resolutionTime!).toBeCloseTo(DAY, 6);
    const twoDays = taking(2 * DAY);
    const satisfied = sigmoid(scale.idealLogOdds + resolutionTimeShift(DEFAULT_EXPERIENCE, 2));
    // Within the resolution table's interpolation (every 1/64 of ln time): about 1e-5 of satisfaction.
    expect(twoDays.csatExpected!).toBeCloseTo(satisfied, 4);
    const propensity = complaintPropensity(DEFAULT_EXPERIENCE.complaints, { resolutionSec: 2 * DAY, referenceSec: DAY });
    expect(twoDays.complaints! / twoDays.answered!).toBeCloseTo((1 - satisfied) * propensity, 5);
    // Repeats lengthen problems: the same FCR with repeats 30 hours later instead of one leaves customers less
    // satisfied and more inclined to complain, on the same arrivals and draws.
    const soon = taking(DAY, 0.6, deterministic(HOUR));
    const late = taking(DAY, 0.6, deterministic(30 * HOUR));
    expect(late.resolutionTime!).toBeGreaterThan(soon.resolutionTime! + 5 * HOUR);
    expect(late.csatExpected!).toBeLessThan(soon.csatExpected! - 0.01);
    expect(late.complaintRate!).toBeGreaterThan(soon.complaintRate!);
  });

  it("abandoned contacts count as dissatisfied in CSAT, or are left out of the survey when excluded", () => {
    const plan = testPlan({ intervalCount: 8, queues: [{ perHour: 100, patience: exponential(30) }], groups: [{ agents: 0 }] });
    const dissatisfied = totals(simulateReplication(withExperience(plan, { abandonedSatisfaction: { curve: "dissatisfied" } }), 0)).queue;
    expect(dissatisfied[Q.abandoned]).toBe(dissatisfied[Q.offered]);
    expect(dissatisfied[Q.satisfactionEvaluated]).toBe(dissatisfied[Q.abandoned]);
    expect(dissatisfied[Q.surveyed]).toBeGreaterThan(0);
    expect(dissatisfied[Q.surveyedSatisfied]).toBe(0);
    expect(dissatisfied[Q.complaintsExpected]).toBeCloseTo(0.04 * dissatisfied[Q.abandoned]!, 9);
    expect(dissatisfied[Q.journeysEnded]).toBe(dissatisfied[Q.abandoned]);
    expect(dissatisfied[Q.journeySatisfiedExpected]).toBe(0);
    // By default an abandoner is as satisfied as an unresolved contact after the same wait: not counted satisfied in
    // CSAT (the survey's rule), but fewer complaints and some satisfied journeys.
    const byWait = totals(simulateReplication(plan, 0)).queue;
    expect(byWait[Q.surveyed]).toBe(dissatisfied[Q.surveyed]);
    expect(byWait[Q.surveyedSatisfied]).toBe(0);
    expect(byWait[Q.complaintsExpected]!).toBeLessThan(dissatisfied[Q.complaintsExpected]!);
    expect(byWait[Q.journeySatisfiedExpected]!).toBeGreaterThan(0);
    const excluded = totals(simulateReplication(withExperience(plan, { abandoned: "excluded" }), 0)).queue;
    expect(excluded[Q.surveyed]).toBe(0);
    expect(excluded[Q.satisfactionEvaluated]).toBe(0);
    expect(computeKpis(totals(simulateReplication(withExperience(plan, { abandoned: "excluded" }), 0))).csat).toBeNull();
  });

  it("an abandoned contact's satisfaction follows its wait: a 5-second hang-up is far less dissatisfied than a 30-minute one", () => {
    // Nobody answers; everyone hangs up after exactly `patienceSec`, so each abandoner's satisfaction is the table's.
    const hangUpAfter = (patienceSec: number, settings: unknown = {}) => {
      const plan = withExperience(testPlan({ intervalCount: 8, queues: [{ perHour: 100, patience: deterministic(patienceSec) }], groups: [{ agents: 0 }] }), settings);
      const t = totals(simulateReplication(plan, 0)).queue;
      expect(t[Q.journeysEnded]).toBe(t[Q.abandoned]);
      return { satisfaction: t[Q.journeySatisfiedExpected]! / t[Q.abandoned]!, complaintsEach: t[Q.complaintsExpected]! / t[Q.abandoned]! };
    };
    const scale = experienceScale(DEFAULT_EXPERIENCE);
    const compiled = compileExperience({ experience: DEFAULT_EXPERIENCE, queues: [{}] });
    const unresolved = scale.idealLogOdds - scale.repeatPenalty;
    // 5 s is the table's first step after 0 (5 s of wait at −5% a minute), 30 minutes is past the linear curve's floor.
    const quick = hangUpAfter(5);
    const long = hangUpAfter(1800);
    expect(quick.satisfaction).toBeCloseTo(sigmoid(unresolved + compiled.waitLogOdds[1]!), 12);
    expect(long.satisfaction).toBeCloseTo(sigmoid(unresolved + logOddsShift(scale, 0.2)), 9);
    expect(quick.satisfaction).toBeGreaterThan(0.4);
    expect(long.satisfaction).toBeLessThan(0.2);
    expect(quick.complaintsEach).toBeCloseTo((1 - quick.satisfaction) * 0.04, 12);
    expect(long.complaintsEach).toBeCloseTo((1 - long.satisfaction) * 0.04, 12);
    // The user's own curve: linear between points (5 minutes is halfway from 60% to 10%), flat beyond the last.
    const points = { abandonedSatisfaction: { curve: "points", points: [{ waitMinutes: 0, satisfaction: 0.6 }, { waitMinutes: 10, satisfaction: 0.1 }] } };
    expect(hangUpAfter(300, points).satisfaction).toBeCloseTo(0.35, 12);
    expect(hangUpAfter(3600, points).satisfaction).toBeCloseTo(0.1, 12);
    expect(hangUpAfter(5, { abandonedSatisfaction: { curve: "dissatisfied" } }).satisfaction).toBe(0);
  });

  it("longer waits lower satisfaction: fewer agents, lower expected CSAT and more complaints", () => {
    const at = (agents: number) => computeKpis(totals(simulateReplication(stationaryPlan({ arrivalsPerHour: 200, ahtSec: 180, agents, patienceSec: 600, hours: 24 }), 0)));
    const short = at(11);
    const ample = at(14);
    expect(short.asa!).toBeGreaterThan(ample.asa!);
    expect(short.csatExpected!).toBeLessThan(ample.csatExpected!);
    expect(short.complaints! / short.answered!).toBeGreaterThan(ample.complaints! / ample.answered!);
  });

  it("cost per contact: the wage of the scheduled hours over the contacts answered; undefined without a wage", () => {
    const plan: Plan = { ...stationaryPlan({ arrivalsPerHour: 100, ahtSec: 180, agents: 10, hours: 8 }), wagePerHour: 24 };
    const result = simulateReplication(plan, 0);
    const kpis = computeKpis(totals(result));
    expect(totals(result).queue[Q.agentSec]).toBeCloseTo(10 * 8 * HOUR, 6);
    expect(kpis.costPerContact).toBeCloseTo((24 * 10 * 8) / kpis.answered!, 9);
    expect(computeKpis(totals(simulateReplication({ ...plan, wagePerHour: undefined }, 0))).costPerContact).toBeNull();
  });
});

describe("the articles' complaint cases through the engine (article 000_84b7cbeb28961648; direction and rough size)", () => {
  it("finance: resolution time 3 days → 1 day, complaints about −60% (article −50%), paired on the same customers", () => {
    const plan = (meanHours: number) =>
      testPlan({
        intervalCount: 96,
        queues: [
          {
            perHour: 100,
            handle: exponential(240),
            patience: exponential(300),
            fcr: 0.8,
            repeatDelay: exponential(DAY),
            resolutionTime: inverseCdf({ dist: "lognormal", meanSec: meanHours * HOUR, cv: 1 }),
            resolutionTimeMeanSec: meanHours * HOUR,
          },
        ],
        groups: [{ agents: 9 }],
      });
    const before = createSimulator(plan(72));
    const after = createSimulator(plan(24));
    const changes = Array.from({ length: 10 }, (_, k) => {
      const b = totals(before.run(k)).queue;
      const a = totals(after.run(k)).queue;
      // The service is the same customer for customer; only satisfaction and complaints move.
      expect(a[Q.answered]).toBe(b[Q.answered]);
      return a[Q.complaintsExpected]! / b[Q.complaintsExpected]! - 1;
    });
    // Rough size: within half the article's figure either way (−25% … −75%).
    const interval = meanInterval(changes, COMPARISON_ALPHA);
    expect(interval.mean).toBeGreaterThan(-0.75);
    expect(interval.mean).toBeLessThan(-0.25);
    expect(interval.mean).toBeCloseTo(-0.6, 1);
    expect(interval.halfWidth).toBeLessThan(0.02);
  });

  it("online education: average response about 5 min → 2 min, complaints about −40% (article −30%)", () => {
    // M/M/20 and M/M/21 at 230 contacts an hour, 300 s handle time: ASA 4.8 and 1.6 minutes by Erlang C.
    const plan = (agents: number) => stationaryPlan({ arrivalsPerHour: 230, ahtSec: 300, agents, hours: 74, warmupHours: 2 });
    const before = createSimulator(plan(20));
    const after = createSimulator(plan(21));
    const rows = Array.from({ length: 8 }, (_, k) => {
      const b = computeKpis(totals(before.run(k)));
      const a = computeKpis(totals(after.run(k)));
      return { asaBefore: b.asa!, asaAfter: a.asa!, change: a.complaintRate! / b.complaintRate! - 1 };
    });
    const asaBefore = rows.reduce((sum, row) => sum + row.asaBefore, 0) / rows.length;
    const asaAfter = rows.reduce((sum, row) => sum + row.asaAfter, 0) / rows.length;
    expect(asaBefore / 60).toBeGreaterThan(3.5);
    expect(asaAfter / 60).toBeLessThan(2.5);
    // Rough size: within half the article's figure either way (−15% … −45%). The waits of a queue are spread
    // (many answered at once, some long ones near the curve's floor), so the fall is larger than for every
    // customer waiting the average (−26%: experience/complaints.test.ts).
    const interval = meanInterval(rows.map((row) => row.change), COMPARISON_ALPHA);
    expect(interval.mean).toBeLessThan(-0.15);
    expect(interval.mean).toBeGreaterThan(-0.45);
  });
});

it("DEFAULT_EXPERIENCE is what a plan without one runs with", () => {
  const plan = busyDay();
  const explicit = withExperience(plan, {});
  expect([...totals(simulateReplication(plan, 1)).queue]).toEqual([...totals(simulateReplication(explicit, 1)).queue]);
  expect(DEFAULT_EXPERIENCE.referenceCsat).toBe(0.75);
});
