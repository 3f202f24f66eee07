import { parseScenario } from "../../schema/parseScenario.js";
import type { Scenario, ScenarioInput } from "../../schema/scenario.js";

/** One Monday of 60-minute intervals, open 08:00–16:00 (contacts only then), one queue, one group with two templates:
 * small enough for the optimiser's tests to simulate in milliseconds. */
export function tinyRosterInput(): ScenarioInput {
  const contacts = Array.from({ length: 24 }, (_, hour) => (hour >= 8 && hour < 16 ? [60, 90, 110, 100, 90, 100, 80, 50][hour - 8]! : 0));
  return {
    version: 1,
    name: "Tiny roster",
    seed: 3,
    intervalMinutes: 60,
    days: ["mon"],
    queues: [
      {
        name: "phone",
        forecast: { intervalContacts: contacts },
        handle: { dist: "exponential", meanSec: 240 },
        patience: { dist: "exponential", meanSec: 200 },
        retry: { probability: 0.2, delay: { dist: "exponential", meanSec: 300 } },
        targetAnswerSec: 30,
        targetServiceLevel: 0.8,
      },
    ],
    groups: [
      {
        name: "Team",
        serves: ["phone"],
        shrinkage: 0.1,
        shifts: [
          { name: "Early", start: "08:00", hours: 6, days: ["mon"], agents: 6, breaks: [{ start: "11:00", minutes: 30 }] },
          { name: "Late", start: "10:00", hours: 6, days: ["mon"], agents: 5, breaks: [{ start: "13:00", minutes: 30 }] },
        ],
        shiftTemplates: [
          { name: "Six", starts: { from: "08:00", to: "10:00", stepMinutes: 60 }, hours: 6, days: ["mon"], breaks: [{ minutes: 30, earliestAfterHours: 2, latestAfterHours: 3.5 }], breakStepMinutes: 30 },
          { name: "Four", starts: { from: "08:00", to: "12:00", stepMinutes: 60 }, hours: 4, days: ["mon"], costPerHour: 20 },
        ],
      },
    ],
    money: { wagePerHour: 25, hiringCostPerAgent: 1000 },
  };
}

export function tinyRosterScenario(change?: (input: ScenarioInput) => void): Scenario {
  const input = tinyRosterInput();
  change?.(input);
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}
