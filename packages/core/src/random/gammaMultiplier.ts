import { gammaSampler } from "./gammaSampler.js";

const samplers = new Map<number, (u: number) => number>();

/**
 * Day-level volume multiplier: a gamma variate with mean 1 and coefficient of variation `cv`
 * (shape 1/cv², scale cv²), by inverse CDF from the uniform `u` in [0, 1), so a scenario with a larger cv
 * spreads the same days further from 1 in the same direction. Multiplying a day's Poisson rate by it makes the
 * day's count negative binomial, over-dispersed as real contact volumes are. cv = 0 returns 1.
 * The quantile table for each cv is built on first use (about 1 ms) and kept; later calls cost a table lookup.
 * Throws on a cv that is negative or not finite.
 */
export function dayVolumeMultiplier(u: number, cv: number): number {
  if (cv === 0) return 1;
  let sampler = samplers.get(cv);
  if (sampler === undefined) {
    if (!(cv > 0 && Number.isFinite(cv))) throw new Error(`invalid daily volume cv: ${cv}; expected a finite number ≥ 0`);
    // A cv below about 1e-154 squares to 0 (shape 1/cv² overflows): no spread a double can hold, as with cv 0.
    if (!Number.isFinite(1 / (cv * cv))) return 1;
    sampler = gammaSampler(1 / (cv * cv), cv * cv);
    if (samplers.size >= 64) samplers.delete(samplers.keys().next().value!);
    samplers.set(cv, sampler);
  }
  return sampler(u);
}
