import {
  compileScenario,
  KPI_REGISTRY,
  sensitivityAsync,
  sensitivityJob,
  spanKpiSample,
  plannedRuns,
  type Intervention,
  type KpiSample,
  type PhaseRunRequest,
} from "@ccplan/core";
import { prefetchedPhases, progressTracker, recipeSource } from "@ccplan/worker/node";
import { numberFlag, onePositional, parseCommandArgs } from "../args.js";
import { readReplications, readSeed, readWorkers, SIMULATION_FLAGS } from "./runFlags.js";
import { InputError } from "../errors.js";
import { renderSensitivity } from "../format/tornado.js";
import { writeJson } from "../format/writeJson.js";
import { progressBar } from "../run/progressBar.js";
import { createRunner } from "../run/runner.js";
import { jobVariants, refuseOversizedRuns } from "../run/limits.js";
import { loadScenario } from "../run/sources.js";

const DEFAULT_REPLICATIONS = 20;

export const sensitivityHelp = `ccplan sensitivity <scenario.json> [--intervention NAME] [--replications N] [--range R] [--output ID]…
                   [--workers W] [--seed S] [--json]

Which assumptions move the answer most: a tornado per output. Each input (arrival volume, handle time, patience,
shrinkage, FCR, the money values set in the scenario, the satisfaction model's effect sizes and, with
--intervention, the churn and complaint shares it is priced by and the intervention's own effect sizes and costs)
is set to its value × (1 − R) and × (1 + R), or, where the file or the input's default gives it a range, to that
range's 10th and 90th percentiles, everything else at its central value, and the scenario is simulated again on the
same seeds (common random numbers), so each swing is a paired difference with its 95% CI. With --intervention the
outputs are its ROI, NPV and its gains in service level and CSAT (intervention − baseline in the steady state, after
every phase of its learning curve); without, the baseline's service level, speed of answer, abandonment and CSAT.
Bars come longest first.
  --intervention NAME   the intervention to analyse (one of the scenario's)
  --replications N      paired replications per simulated point (default ${DEFAULT_REPLICATIONS})
  --range R             relative half-width of each input's range where it has none of its own (default 0.2 for ±20%)
  --output ID           an output to draw (repeat): roi, npv, breakEvenWeek (the week, from the option's start,
                        from which it has paid back, in the replications that break even within the horizon)
                        or a KPI id such as serviceLevel, asa, csat`;

/** `ccplan sensitivity`: tornados of ROI and service level, as a table or JSON. */
export async function runSensitivity(args: string[], write: (text: string) => void): Promise<void> {
  const { values, positionals } = parseCommandArgs("sensitivity", args, {
    intervention: { type: "string" },
    range: { type: "string" },
    output: { type: "string", multiple: true },
    ...SIMULATION_FLAGS,
  });
  const path = onePositional("sensitivity", positionals);
  const replications = readReplications(values, { max: 10_000 }, DEFAULT_REPLICATIONS);
  const range = numberFlag("range", values.range, { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true }) ?? 0.2;
  const workers = readWorkers(values);
  const seed = readSeed(values);
  const loaded = loadScenario(path);
  const scenario = seed === undefined ? loaded.scenario : { ...loaded.scenario, seed };
  let intervention: Intervention | undefined;
  if (values.intervention !== undefined) {
    intervention = scenario.interventions.find((candidate) => candidate.name === values.intervention);
    if (!intervention) {
      const names = scenario.interventions.map((candidate) => JSON.stringify(candidate.name));
      throw new InputError(`invalid --intervention: ${JSON.stringify(values.intervention)}; expected one of ${names.length > 0 ? names.join(", ") : "(the scenario has none)"}`);
    }
  }
  const outputs = values.output as string[] | undefined;
  // Checked here, before the dry pass: core checks an output against the KPIs a run reports, which the dry pass,
  // simulating nothing, has none of.
  const moneyOutputs = ["roi", "npv", "breakEvenWeek"];
  const knownOutputs = [...moneyOutputs, ...KPI_REGISTRY.map((kpi) => kpi.id)];
  for (const output of outputs ?? []) {
    if (!knownOutputs.includes(output)) throw new InputError(`invalid --output: ${JSON.stringify(output)}; expected roi, npv, breakEvenWeek or a KPI id: ${knownOutputs.slice(moneyOutputs.length).join(", ")}`);
  }
  if (outputs?.some((id) => moneyOutputs.includes(id)) && (!intervention || !scenario.money)) {
    throw new InputError("--output roi, npv and breakEvenWeek need --intervention and a scenario with a money section");
  }
  const options = { scenario, replications, range, ...(intervention && { intervention }), ...(outputs && { outputs }) };

  // A dry pass (core's plannedRuns: nothing is simulated) lists the distinct simulations: each one's size is checked
  // before any worker starts, and their number sizes the progress bar.
  let planned: PhaseRunRequest[];
  try {
    planned = plannedRuns(sensitivityJob(options));
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
  refuseOversizedRuns(loaded.path, jobVariants(planned));
  const runs = planned.length;

  // The points change volumes and times, not the span or the queues: the baseline's plan sizes the workers.
  const runner = createRunner(workers, [compileScenario(scenario)]);
  const bar = progressBar();
  const tracker = progressTracker(runs * replications, bar.update);
  try {
    const result = await sensitivityAsync({
      ...options,
      // Every point is queued in the pool at once (the dry pass listed them), each answered in its turn.
      runPhase: prefetchedPhases(planned, async (request: PhaseRunRequest): Promise<KpiSample[]> => {
        const source = recipeSource(request.recipe, request.label);
        const part = tracker.part(request.replications);
        const vectors = await runner.vectors(source, 0, request.replications, part.within);
        part.finish();
        return vectors.map(spanKpiSample);
      }),
    });
    bar.done();
    if (values.json) writeJson(write, result);
    else write(`${renderSensitivity(result)}\n`);
  } finally {
    bar.done();
    await runner.close();
  }
}
