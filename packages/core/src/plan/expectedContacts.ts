import type { DurationSampler } from "../des/plan.js";
import { inverseCdf } from "../random/distributions.js";
import { durationToSeconds } from "../schema/distribution.js";
import { arrivalRates } from "./compile.js";
import type { Scenario, ScenarioQueue } from "../schema/scenario.js";

/**
 * How a queue's contacts come back: after abandoning (a retry, with `retryProbability`, `retryDelay` later) and
 * after an unresolved answer (a repeat, with `repeatProbability` = 1 − FCR, `repeatDelay` later). Delays are
 * inverse CDFs in seconds (`inverseCdf`), so any distribution the engine samples can be bounded.
 */
export interface ReturnLoop {
  /** 0 when the queue's contacts cannot abandon (no patience, self-service). */
  retryProbability: number;
  retryDelay: DurationSampler | null;
  repeatProbability: number;
  repeatDelay: DurationSampler | null;
}

// Quantile bins of the Laplace-transform bound, and the grid of its exponent s (per second): 1e-10 … 100 by √2.
const BINS = 128;
const S_GRID = Array.from({ length: 81 }, (_, i) => 1e-10 * Math.SQRT2 ** i);

/** log E[e^(−s·D)] ≤ log((1/B)·Σ_{j<B} e^(−s·Q(j/B))): each bin of uniforms [j/B, (j+1)/B) maps to durations
 * ≥ Q(j/B). In logs (log-sum-exp), so that no term underflows to a zero the bound would then trust. */
function logLaplaceBound(s: number, quantiles: Float64Array): number {
  let smallest = Infinity;
  for (let j = 0; j < BINS; j++) smallest = Math.min(smallest, quantiles[j]!);
  let sum = 0;
  for (let j = 0; j < BINS; j++) sum += Math.exp(-s * (quantiles[j]! - smallest));
  return -s * smallest + Math.log(sum / BINS);
}

function lowerQuantiles(delay: DurationSampler | null): Float64Array | null {
  if (!delay) return null;
  return Float64Array.from({ length: BINS }, (_, j) => delay(j / BINS));
}

/**
 * An upper bound on the expected number of returns (retries and repeats, the whole chain of them) that one first
 * contact brings within `remainingSec` seconds, the time left in the span when it arrives (the engine generates no
 * return at or after the span's end). Closed form, whatever the staffing: every attempt is assumed to fail the
 * worst way (the larger of the retry and the repeat probability, with its delay), so it holds for any answer rate.
 *
 * With ψ(s) = max(p_retry·E[e^(−s·D_retry)], p_repeat·E[e^(−s·D_repeat)]) and S_k the time to the k-th return (a
 * sum of k delays), E[returns] = Σ_k P(k-th return, S_k < τ) ≤ Σ_k e^(sτ)·ψ(s)^k = e^(sτ)·ψ/(1 − ψ) for every
 * s ≥ 0 with ψ(s) < 1 (Chernoff). At s = 0 this is the geometric series m/(1 − m), m the larger probability;
 * for m = 1 (everyone retries) a positive s bounds it by the delays instead: about e·τ/delay for a fixed delay.
 * The best s of a fixed grid is taken (any s gives a valid bound), and the transforms are bounded from the
 * delay's quantiles, so empirical and tabulated delays are covered exactly as the engine samples them.
 */
export function returnsBound(loop: ReturnLoop): (remainingSec: number) => number {
  const retryQuantiles = loop.retryProbability > 0 ? lowerQuantiles(loop.retryDelay) : null;
  const repeatQuantiles = loop.repeatProbability > 0 ? lowerQuantiles(loop.repeatDelay) : null;
  const m = Math.max(retryQuantiles ? loop.retryProbability : 0, repeatQuantiles ? loop.repeatProbability : 0);
  const logGeometric = m < 1 ? Math.log(m) - Math.log1p(-m) : Infinity;
  // log(e^(sτ)·ψ/(1 − ψ)) = s·τ + c(s), c(s) = log ψ(s) − log(1 − ψ(s)): the bound's log is the lower envelope of
  // these lines in τ (only the s with ψ(s) < 1 count); −expm1(log ψ) is 1 − ψ without cancellation.
  const slopes: number[] = [];
  const intercepts: number[] = [];
  for (const s of S_GRID) {
    const logPsi = Math.max(
      retryQuantiles ? Math.log(loop.retryProbability) + logLaplaceBound(s, retryQuantiles) : -Infinity,
      repeatQuantiles ? Math.log(loop.repeatProbability) + logLaplaceBound(s, repeatQuantiles) : -Infinity,
    );
    if (logPsi >= 0) continue;
    slopes.push(s);
    intercepts.push(logPsi - Math.log(-Math.expm1(logPsi)));
  }
  return (remainingSec) => {
    if (m === 0 || remainingSec <= 0) return 0;
    let best = logGeometric;
    for (let i = 0; i < slopes.length; i++) {
      const log = slopes[i]! * remainingSec + intercepts[i]!;
      if (log < best) best = log;
    }
    return Math.exp(best);
  };
}

// Bounds are memoised by what they depend on, as factors 1 + returns per interval of the span, so that checking
// many variants of one scenario (interventions, phases, sensitivity points) computes each return loop once.
const factorCache = new Map<string, Float64Array>();
const FACTOR_CACHE_SIZE = 64;

function offeredPerFirstContact(key: string, intervalSec: number, intervalCount: number, make: () => ReturnLoop): Float64Array {
  const cacheKey = `${intervalSec}|${intervalCount}|${key}`;
  let factors = factorCache.get(cacheKey);
  if (!factors) {
    const bound = returnsBound(make());
    const spanSec = intervalSec * intervalCount;
    factors = Float64Array.from({ length: intervalCount }, (_, i) => 1 + bound(spanSec - i * intervalSec));
    if (factorCache.size >= FACTOR_CACHE_SIZE) factorCache.delete(factorCache.keys().next().value!);
    factorCache.set(cacheKey, factors);
  }
  return factors;
}

/** The return loop of a queue of a scenario (see `ReturnLoop`). */
export function queueReturnLoop(queue: ScenarioQueue, resolution: Scenario["resolution"]): ReturnLoop {
  const abandons = queue.patience !== undefined && queue.channel !== "selfService";
  const retryProbability = abandons ? (queue.retry?.probability ?? 0) : 0;
  const repeatProbability = 1 - resolution.fcr;
  return {
    retryProbability,
    retryDelay: retryProbability > 0 && queue.retry ? inverseCdf(durationToSeconds(queue.retry.delay)) : null,
    repeatProbability,
    repeatDelay: repeatProbability > 0 ? inverseCdf(durationToSeconds(resolution.repeatDelay)) : null,
  };
}

/** One queue's part of `expectedContacts`. */
export interface QueueContacts {
  queue: string;
  firstContacts: number;
  /** Upper bound on the expected offered contacts: first contacts plus the returns they can bring. */
  offered: number;
}

/**
 * An upper bound on the contacts one replication of the scenario is expected to offer, all queues together:
 * first contacts (the forecast; a day-level dispersion leaves the mean as it is) plus every retry and repeat they
 * can bring back before the span ends (`returnsBound`, for a first contact at the start of its interval). The bound
 * holds whatever the staffing, since it assumes every attempt fails; it is exact when nothing comes back (no
 * retries, FCR 1). This is the figure the size limit is checked against.
 */
export function expectedContacts(scenario: Pick<Scenario, "queues" | "resolution" | "days" | "intervalMinutes">): number {
  return expectedContactsByQueue(scenario).reduce((sum, queue) => sum + queue.offered, 0);
}

/** `expectedContacts`, queue by queue. */
export function expectedContactsByQueue(scenario: Pick<Scenario, "queues" | "resolution" | "days" | "intervalMinutes">): QueueContacts[] {
  const intervalSec = scenario.intervalMinutes * 60;
  return scenario.queues.map((queue) => {
    const rates = arrivalRates(queue, scenario);
    const abandons = queue.patience !== undefined && queue.channel !== "selfService";
    const key = JSON.stringify([abandons ? (queue.retry ?? null) : null, scenario.resolution.fcr, scenario.resolution.repeatDelay]);
    // A first contact of interval i has at most the time from the interval's start to the span's end.
    const factors = offeredPerFirstContact(key, intervalSec, rates.length, () => queueReturnLoop(queue, scenario.resolution));
    let firstContacts = 0;
    let offered = 0;
    for (let i = 0; i < rates.length; i++) {
      const volume = rates[i]! * intervalSec;
      firstContacts += volume;
      offered += volume * factors[i]!;
    }
    return { queue: queue.name, firstContacts, offered };
  });
}
