import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Intervention } from "../schema/intervention.js";
import { interventionSchema } from "../schema/intervention.js";
import { parseScenario } from "../schema/parseScenario.js";
import { applyIntervention } from "./applyIntervention.js";
import { interventionLevers } from "./interventionLevers.js";

const parsed = parseScenario(JSON.parse(readFileSync(new URL("../../../../scenarios/product-training.json", import.meta.url), "utf8")));
if (!parsed.ok) throw new Error("scenarios/product-training.json must be valid");
const productTraining = parsed.scenario;
const training = productTraining.interventions[0]!;
const intervention = (input: Record<string, unknown>) => interventionSchema.parse(input) as Intervention;

describe("interventionLevers", () => {
  it("reads the product-knowledge training (satisfaction +12%, no handle-time or FCR change) as moving satisfaction only", () =>
    expect(interventionLevers(training)).toEqual([
      { lever: "handleTime", reachesQueue: true, moves: false },
      { lever: "firstContactResolution", reachesQueue: true, moves: false },
      { lever: "satisfaction", reachesQueue: false, moves: true },
    ]));

  it("agrees with the transform: at full effect that training leaves everything the queue depends on as it was", () => {
    // Why its service level at full effect is the baseline's in every replication: only the experience model differs.
    const { scenario: trained } = applyIntervention(productTraining, training);
    expect(trained.experience).not.toEqual(productTraining.experience);
    const { experience: _trainedExperience, ...trainedQueue } = trained;
    const { experience: _baselineExperience, ...baselineQueue } = productTraining;
    expect(trainedQueue).toEqual(baselineQueue);
  });

  it("counts a range that reaches beyond the neutral value as moving, and a point at it as not", () => {
    const levers = interventionLevers(
      intervention({ kind: "training", name: "T", ahtChange: { uncertain: "uniform", low: -0.1, high: 0 }, fcrChange: { value: 0, grade: "measured" } }),
    );
    expect(levers.filter((lever) => lever.moves).map((lever) => lever.lever)).toEqual(["handleTime"]);
    expect(interventionLevers(intervention({ kind: "scaleAht", name: "A", factor: 1 }))).toEqual([{ lever: "handleTime", reachesQueue: true, moves: false }]);
    expect(interventionLevers(intervention({ kind: "scalePatience", name: "P", factor: 1.2 }))).toEqual([{ lever: "patience", reachesQueue: true, moves: true }]);
  });

  it("gives a process change's resolution time and more feedback channels as levers the queue does not depend on", () => {
    expect(interventionLevers(intervention({ kind: "processChange", name: "Fast lane", resolutionTimeChange: -0.3 }))).toEqual([
      { lever: "handleTime", reachesQueue: true, moves: false },
      { lever: "firstContactResolution", reachesQueue: true, moves: false },
      { lever: "resolutionTime", reachesQueue: false, moves: true },
    ]);
    expect(interventionLevers(intervention({ kind: "feedbackChannels", name: "Channels", satisfactionChange: 0.15 }))).toEqual([
      { lever: "satisfaction", reachesQueue: false, moves: true },
      { lever: "surveyResponse", reachesQueue: false, moves: false },
    ]);
  });

  it("unites a combination's parts: a lever moves when any part moves it", () =>
    expect(
      interventionLevers(
        intervention({
          kind: "combined",
          name: "Training + hires",
          interventions: [
            { kind: "training", name: "T", satisfactionChange: 0.12 },
            { kind: "addAgents", name: "+2", group: "G", shift: "Late", agents: 2 },
          ],
        }),
      ),
    ).toEqual([
      { lever: "staffing", reachesQueue: true, moves: true },
      { lever: "handleTime", reachesQueue: true, moves: false },
      { lever: "firstContactResolution", reachesQueue: true, moves: false },
      { lever: "satisfaction", reachesQueue: false, moves: true },
    ]));
});
