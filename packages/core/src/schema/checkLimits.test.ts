import { describe, expect, it } from "vitest";
import { evaluationsJob, plannedRuns } from "../economics/phases.js";
import { sensitivityJob } from "../sensitivity/tornado.js";
import { checkVariantLimits } from "./checkLimits.js";
import { parseScenario } from "./parseScenario.js";
import type { Scenario, ScenarioInput } from "./scenario.js";

const input: ScenarioInput = {
  version: 1,
  name: "One day",
  intervalMinutes: 60,
  days: ["mon"],
  queues: [{ name: "phone", forecast: { dailyContacts: [4_500_000], intradayProfile: "flat" }, handle: { dist: "exponential", meanSec: 30 } }],
  groups: [{ name: "Team", serves: ["phone"], shifts: [{ name: "Day", start: "00:00", hours: 24, days: ["mon"], agents: 2000 }] }],
  resolution: { fcr: 1, repeatDelay: { dist: "exponential", meanHours: 2 } },
  money: { wagePerHour: 25 },
  interventions: [{ kind: "training", name: "Coaching", fcrChange: 0, ahtChange: -0.1, hoursOffFloor: 3, learningCurveWeeks: 2 }],
};

function scenario(): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

describe("checkVariantLimits: the size limit of any scenario a command will run", () => {
  it("names the variant, the figure and the limit", () => {
    const s = scenario();
    expect(checkVariantLimits(s, "the baseline")).toEqual([]);
    const bigger = { ...s, queues: [{ ...s.queues[0]!, forecast: { dailyContacts: [5_400_000], intradayProfile: "flat" as const, dailyCv: 0 } }] };
    expect(checkVariantLimits(bigger, 'sensitivity point "Arrival volume" high (5,400,000)')).toEqual([
      {
        path: "queues",
        message:
          'about 5,400,000 contacts expected in one replication of sensitivity point "Arrival volume" high (5,400,000): 5,400,000 first contacts, nothing comes back; expected at most 5,000,000: shorten the span, split the scenario or check the volumes',
        received: "5,400,000 contacts",
        expected: "at most 5,000,000 contacts",
      },
    ]);
  });

  it("gets every run of a job, phases and sensitivity points, each with a label that names it", () => {
    const s = scenario();
    const money = plannedRuns(evaluationsJob({ scenario: s, replications: 2 })).map((run) => run.label);
    expect(money).toEqual(["the baseline", 'intervention "Coaching" (in class)', 'intervention "Coaching" (learning curve 50%)', 'intervention "Coaching" (steady state)']);
    const runs = plannedRuns(sensitivityJob({ scenario: s, intervention: s.interventions[0]!, replications: 2, range: 0.2 }));
    expect(runs.length).toBeGreaterThan(10);
    // The +20% volume point of every phase is beyond the limit (4.5 million × 1.2), and so is its FCR 0.8 point (repeats
    // come back within the day: up to 1 / 0.8 contacts per first contact): each one named.
    const oversized = runs.flatMap((run) => checkVariantLimits(run.scenario, run.label));
    expect(oversized.map((issue) => issue.message.match(/of (.*?): /)![1])).toEqual([
      'sensitivity point "Arrival volume (contacts in the span)" high (5,400,000), the baseline',
      'sensitivity point "Arrival volume (contacts in the span)" high (5,400,000), intervention "Coaching" (in class)',
      'sensitivity point "Arrival volume (contacts in the span)" high (5,400,000), intervention "Coaching" (learning curve 50%)',
      'sensitivity point "Arrival volume (contacts in the span)" high (5,400,000), intervention "Coaching" (steady state)',
      'sensitivity point "First-contact resolution" low (0.8), the baseline',
      'sensitivity point "First-contact resolution" low (0.8), intervention "Coaching" (in class)',
      'sensitivity point "First-contact resolution" low (0.8), intervention "Coaching" (learning curve 50%)',
      'sensitivity point "First-contact resolution" low (0.8), intervention "Coaching" (steady state)',
    ]);
  });
});
