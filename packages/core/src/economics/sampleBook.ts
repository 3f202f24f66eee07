import type { KpiSample } from "./kpiSample.js";
import { runKey, type PhaseRunRequest } from "./phases.js";

/**
 * Samples of runs already made, by what the engine sees and how its replications draw (`runKey`), in replication
 * order: a comparison's runs answer the money stage's requests for the same scenarios (baseline, steady states)
 * instead of being made again.
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

  /** The first `replications` samples of a request's run, if that many are kept. */
  get(request: Pick<PhaseRunRequest, "scenario" | "recipe" | "replications">): readonly KpiSample[] | undefined {
    const replications = request.replications;
    const kept = this.#samples.get(runKey(request.scenario, request.recipe));
    return kept && kept.length >= replications ? kept.slice(0, replications) : undefined;
  }
}
