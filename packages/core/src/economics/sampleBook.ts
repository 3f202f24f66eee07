import type { Scenario } from "../schema/scenario.js";
import type { KpiSample } from "./kpiSample.js";
import { simulationKey } from "./phases.js";

/**
 * Samples of runs already made, by what the engine sees (`simulationKey`), in replication order: a comparison's
 * runs answer the money stage's requests for the same scenarios (baseline, steady states) instead of being made again.
 */
export class SampleBook {
  #samples = new Map<string, KpiSample[]>();

  /** Adds replications `from …` of a scenario's run (ignored unless they continue what is kept). */
  add(key: string, from: number, samples: readonly KpiSample[]): void {
    const kept = this.#samples.get(key) ?? [];
    if (kept.length !== from) return;
    kept.push(...samples);
    this.#samples.set(key, kept);
  }

  /** The first `replications` samples of a scenario's run, if that many are kept. */
  get(scenario: Scenario, replications: number): readonly KpiSample[] | undefined {
    const kept = this.#samples.get(simulationKey(scenario));
    return kept && kept.length >= replications ? kept.slice(0, replications) : undefined;
  }
}
