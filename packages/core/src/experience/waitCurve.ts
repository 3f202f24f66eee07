import type { WaitCurve } from "../schema/experience.js";

/** The settings of a wait curve (experience.wait). */
export interface WaitCurveSettings {
  curve: WaitCurve;
  /** Relative change of satisfaction per minute (−0.05 = −5% per minute), ≤ 0. */
  changePerMinute: number;
  /** Lowest share of its no-wait satisfaction a contact keeps, in [0, 1]. */
  floor: number;
  /** Logistic only: where satisfaction falls fastest, minutes. */
  midpointMinutes: number;
}

/**
 * The share of its no-wait satisfaction a contact keeps after waiting `minutes` (≥ 0): 1 at no wait, never below
 * `floor`, never rising. With r = −changePerMinute and f = floor:
 * - linear: max(f, 1 − r·t), the article's rule as stated (a constant loss of r of the no-wait level per minute);
 * - exponential: f + (1 − f)·exp(−r·t / (1 − f)), the same slope at t = 0, then decaying towards the floor;
 * - logistic: f + (1 − f)·(1 + e^(−t₀/s)) / (1 + e^((t − t₀)/s)), flat for short waits and steepest at the
 *   midpoint t₀, where its slope is the article's −r (s solved for that; see `logisticScaleMinutes`).
 * Source of the rate: article 000_84b7cbeb28961648 ("each extra minute lowers satisfaction by 5%"); the shapes
 * and the floor are assumptions.
 */
export function waitMultiplier(settings: WaitCurveSettings, minutes: number): number {
  const t = minutes > 0 ? minutes : 0;
  const r = -settings.changePerMinute;
  const f = settings.floor;
  if (!(r > 0) || f >= 1) return 1;
  switch (settings.curve) {
    case "linear":
      return Math.max(f, 1 - r * t);
    case "exponential":
      return f + (1 - f) * Math.exp((-r * t) / (1 - f));
    case "logistic": {
      const t0 = settings.midpointMinutes;
      const s = logisticScaleMinutes(settings);
      return f + ((1 - f) * (1 + Math.exp(-t0 / s))) / (1 + Math.exp((t - t0) / s));
    }
  }
}

/**
 * The scale s (minutes) of the logistic wait curve: the root of (1 − f)(1 + e^(−t₀/s)) / (4s) = r, the slope of
 * the curve at its midpoint t₀ set to the article's rate r. The left side falls from ∞ towards 0 as s grows, so a
 * bisection on ln s over [10⁻⁹, 10⁶] minutes finds the root.
 */
export function logisticScaleMinutes(settings: Pick<WaitCurveSettings, "changePerMinute" | "floor" | "midpointMinutes">): number {
  const r = -settings.changePerMinute;
  const f = settings.floor;
  const t0 = settings.midpointMinutes;
  const slope = (s: number) => ((1 - f) * (1 + Math.exp(-t0 / s))) / (4 * s);
  let lo = 1e-9;
  let hi = 1e6;
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(lo * hi);
    if (slope(mid) > r) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}
