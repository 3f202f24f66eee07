import type { KpiSample } from "./kpiSample.js";
import { runKey, type PhaseRunRequest } from "./phases.js";

/**
 * Samples of runs already made, by what the engine sees and how its replications draw (`runKey`), in replication
 * order: a comparison's runs answer the money stage's requests for the same scenarios (baseline, steady states)
 * instead of being made again.
 */
export class SampleBook {
  #samples = new Map<string, { samples: KpiSample[]; present: boolean[]; prefix: number }>();

  /** Adds replications `from …` of a scenario's run. Batches may come in any order (a pipelined run starts the next
   * before this one is back); a replication already kept is kept as it was. */
  add(key: string, from: number, samples: readonly KpiSample[]): void {
    let kept = this.#samples.get(key);
    if (!kept) this.#samples.set(key, (kept = { samples: [], present: [], prefix: 0 }));
    samples.forEach((sample, i) => {
      if (kept.present[from + i]) return;
      kept.samples[from + i] = sample;
      kept.present[from + i] = true;
    });
    while (kept.present[kept.prefix]) kept.prefix++;
  }

  /** The first `replications` samples of a request's run, if all of them are kept. */
  get(request: Pick<PhaseRunRequest, "scenario" | "recipe" | "replications">): readonly KpiSample[] | undefined {
    const replications = request.replications;
    const kept = this.#samples.get(runKey(request.scenario, request.recipe));
    return kept && kept.prefix >= replications ? kept.samples.slice(0, replications) : undefined;
  }
}
