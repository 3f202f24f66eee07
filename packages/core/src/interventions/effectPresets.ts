import type { InterventionKind } from "../schema/intervention.js";
import type { UncertainSpec } from "../schema/uncertain.js";

/**
 * The articles' figures, as presets a user may choose for an effect size: never defaults. Each is one case's
 * outcome, so it comes graded `article` and with a range, half to one and a half times the figure: a single case says
 * little about another center, and an outcome may include what the model already counts (the wait, AHT and FCR
 * changes of the same programme: using both counts that part twice).
 */
export interface EffectPreset {
  id: string;
  kind: InterventionKind;
  /** The intervention's field the preset fills. */
  field: string;
  label: string;
  value: UncertainSpec;
}

const ARTICLE_000 = "article 000_84b7cbeb28961648";
const triangular = (mode: number, source: string): UncertainSpec => ({
  uncertain: "triangular",
  low: Math.min(mode * 0.5, mode * 1.5),
  mode,
  high: Math.max(mode * 0.5, mode * 1.5),
  grade: "article",
  source,
});

export const EFFECT_PRESETS: readonly EffectPreset[] = [
  {
    id: "productTrainingSatisfaction",
    kind: "training",
    field: "satisfactionChange",
    label: "Product-knowledge training: satisfaction +12% (manufacturer case)",
    value: triangular(0.12, `${ARTICLE_000} (manufacturer case: product-knowledge training raised satisfaction by 12%)`),
  },
  {
    id: "feedbackSatisfaction",
    kind: "feedbackChannels",
    field: "satisfactionChange",
    label: "Multi-channel feedback: satisfaction +15%",
    value: triangular(0.15, `${ARTICLE_000} (multi-channel feedback by phone, chat and email raised satisfaction by 15%)`),
  },
  {
    id: "fastLaneResolution",
    kind: "processChange",
    field: "resolutionTimeChange",
    label: "Fewer approval steps: resolution time −30%",
    value: triangular(-0.3, `${ARTICLE_000} (simplified approvals cut resolution time by 30%)`),
  },
];

/** The presets for one kind of intervention. */
export function effectPresets(kind: InterventionKind): EffectPreset[] {
  return EFFECT_PRESETS.filter((preset) => preset.kind === kind);
}
