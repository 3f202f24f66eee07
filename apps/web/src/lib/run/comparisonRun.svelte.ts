import type { AssumptionsView, Scenario } from "@ccplan/core";
import type { PrecisionTarget } from "@ccplan/worker";
import type { ComparisonView } from "./comparisonView";
import { runComparison } from "./runComparison";
import { TaskRun } from "./taskRun.svelte";

export type { RunProgressState, RunStatus } from "./taskRun.svelte";

/** One comparison at a time, as reactive state for the page. */
export class ComparisonRun extends TaskRun<ComparisonView> {
  /** The last completed comparison. */
  get view(): ComparisonView | null {
    return this.result;
  }

  /** Runs the comparison; a run already going is cancelled first. */
  run(options: { scenario: Scenario; selected: readonly string[]; maxReplications: number; precision?: PrecisionTarget; assumptions?: AssumptionsView }): Promise<void> {
    return this.start((signal, onProgress) => runComparison({ ...options, signal, onProgress }));
  }
}
