import { noncentralFDistribution, noncentralFSurvival } from "./noncentralF.js";
import { rootOfIncreasing } from "./rootOfIncreasing.js";

/** A smooth fit's F test as `varianceShares` ran it: the observed F on (degree, dof) degrees of freedom, the F above
 * which the test passes, and whether it passed. */
export interface ShareTest {
  f: number;
  degree: number;
  dof: number;
  critical: number;
  passed: boolean;
}

/**
 * The 95% confidence interval of a variance share s given its fit's F test and that test's outcome: the shares whose
 * noncentrality λ = n·s/(1 − s) (n = degree + dof + 1 replications) puts the observed F at the 2.5th and 97.5th
 * percentiles of the F statistics that share the test's outcome (noncentral F(degree, dof; λ) under normal
 * residuals). Inverting the noncentral F gives the interval of an R² (Steiger & Fouladi, "Noncentrality interval
 * estimation", in Harlow, Mulaik & Steiger (eds.), What If There Were No Significance Tests?, 1997); conditioning on
 * the outcome, as the selection-corrected share's median does, gives it its 95% among the shares that passed and
 * among those that did not alike (Zhong & Prentice, Biostatistics 9(4), 2008, for a selected effect):
 * - passed: P(F > F_obs | λ) / P(F > F_crit | λ) = 2.5% at the lower end and 97.5% at the upper;
 * - not passed (reported as 0): from 0 to the 95% upper confidence bound, where the same ratio of F truncated below
 *   F_crit, 1 − P(F ≤ F_obs | λ) / P(F ≤ F_crit | λ), is 95%: how large a share the replications leave possible,
 *   which a bare 0 does not say. One-sided, so that the interval holds the 0 reported (a two-sided one excluded 0 for
 *   about one failed test in eight, beside a share printed as 0) and still covers the share 95% of the time.
 * Both ratios grow with λ (the noncentral F's monotone likelihood ratio carries over to a truncated family), so each
 * end is the root of a monotone function, or 0 where the ratio is above its level already at λ = 0. A perfect fit
 * (F = ∞) has the interval [1, 1].
 */
export function shareInterval(test: ShareTest, confidence = 0.95): [number, number] {
  const { f, degree, dof, critical, passed } = test;
  if (f === Infinity) return [1, 1];
  const n = degree + dof + 1;
  const ratio = passed
    ? (lambda: number) => noncentralFSurvival(f, degree, dof, lambda) / noncentralFSurvival(critical, degree, dof, lambda)
    : (lambda: number) => 1 - noncentralFDistribution(Math.max(0, f), degree, dof, lambda) / noncentralFDistribution(critical, degree, dof, lambda);
  const lambdaAt = (level: number) => rootOfIncreasing((lambda) => ratio(lambda) - level, Math.max(1, degree * Math.max(0, f)), 1e-7);
  const share = (lambda: number) => (lambda === Infinity ? 1 : lambda / (lambda + n));
  if (!passed) return [0, share(lambdaAt(confidence))];
  const tail = (1 - confidence) / 2;
  return [share(lambdaAt(tail)), share(lambdaAt(1 - tail))];
}
