// Anchor to my center: core's anchoring (the levels of the experience model solved from the center's own figures),
// its trial simulations run in the pool of Web Workers, from the comparison worker (the solve stays off the page).
import { anchorToCenter, checkRunLimits, spanKpiSample, type Anchoring, type CenterFigures, type Scenario } from "@ccplan/core";
import { recipeSource, type RunProgressSink, type VectorRunner } from "@ccplan/worker";

export interface AnchorRequest {
  /** A validated scenario, as plain data. */
  scenario: Scenario;
  figures: CenterFigures;
  /** Replications per trial simulation. */
  replications: number;
}

// Trial simulations a typical anchoring takes (three solves of a few secant steps each, and the fits): sizes the
// progress bar, which grows if a solve takes more.
const EXPECTED_TRIALS = 14;

/** Runs core's anchoring; every trial's size is checked before it runs. */
export async function anchor(request: AnchorRequest, runner: VectorRunner, onProgress?: RunProgressSink): Promise<Anchoring> {
  const { scenario, figures, replications } = request;
  let done = 0;
  return anchorToCenter({
    scenario,
    figures,
    replications,
    runPhase: async (phase) => {
      const oversized = checkRunLimits([phase]);
      if (oversized.length > 0) throw new Error(`nothing was simulated, because the center would exceed the size limits: ${oversized.map((issue) => issue.message).join("; ")}`);
      const vectors = await runner.vectors(recipeSource(phase.recipe, phase.label), 0, phase.replications, (within) =>
        onProgress?.(done + within, Math.max(EXPECTED_TRIALS * replications, done + replications), null),
      );
      done += phase.replications;
      onProgress?.(done, Math.max(EXPECTED_TRIALS * replications, done), null);
      return vectors.map(spanKpiSample);
    },
  });
}
