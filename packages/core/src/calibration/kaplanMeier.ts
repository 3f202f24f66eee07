/** One observation of a duration that may be censored: `event` false means the duration exceeded `timeSec`. */
export interface CensoredObservation {
  timeSec: number;
  event: boolean;
}

/** A Kaplan–Meier curve at its event times, with Greenwood's standard error and a pointwise 95% band. */
export interface KaplanMeierCurve {
  /** Distinct times at which events happened, increasing, seconds. */
  timesSec: number[];
  /** S(t) just after each of those times. */
  survival: number[];
  /** At risk just before each time (observations ≥ t), and events at it. */
  atRisk: number[];
  events: number[];
  /** Greenwood's standard error of S(t): S·√(Σ d/(n(n − d))) over event times ≤ t. */
  standardError: number[];
  /** S ± 1.96 standard errors, kept within [0, 1]. */
  lower: number[];
  upper: number[];
  /** Observations, of which events and censored. */
  n: number;
  eventCount: number;
  censoredCount: number;
  /** The longest observed time (event or censored), seconds. */
  lastObservationSec: number;
}

const Z95 = 1.959963984540054;

/**
 * The Kaplan–Meier product-limit estimate of a survival function from right-censored observations (Kaplan &
 * Meier, JASA 53, 1958): at each event time t, S ← S · (1 − d/n) with d events at t and n observations ≥ t
 * (censored at t count as still at risk, the usual convention). Greenwood's formula gives its variance. Observations
 * with a time < 0 or not finite are an error.
 */
export function kaplanMeier(observations: readonly CensoredObservation[]): KaplanMeierCurve {
  for (const observation of observations) {
    if (!(observation.timeSec >= 0 && Number.isFinite(observation.timeSec))) {
      throw new Error(`invalid observation time ${observation.timeSec}; expected a finite number of seconds ≥ 0`);
    }
  }
  const sorted = [...observations].sort((a, b) => a.timeSec - b.timeSec);
  const n = sorted.length;
  const curve: KaplanMeierCurve = {
    timesSec: [],
    survival: [],
    atRisk: [],
    events: [],
    standardError: [],
    lower: [],
    upper: [],
    n,
    eventCount: 0,
    censoredCount: 0,
    lastObservationSec: n > 0 ? sorted[n - 1]!.timeSec : 0,
  };
  let survival = 1;
  let greenwood = 0;
  let index = 0;
  while (index < n) {
    const time = sorted[index]!.timeSec;
    const atRisk = n - index;
    let events = 0;
    let end = index;
    while (end < n && sorted[end]!.timeSec === time) {
      if (sorted[end]!.event) events++;
      end++;
    }
    curve.eventCount += events;
    curve.censoredCount += end - index - events;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood += atRisk > events ? events / (atRisk * (atRisk - events)) : 0;
      const standardError = survival * Math.sqrt(greenwood);
      curve.timesSec.push(time);
      curve.survival.push(survival);
      curve.atRisk.push(atRisk);
      curve.events.push(events);
      curve.standardError.push(standardError);
      curve.lower.push(Math.max(0, survival - Z95 * standardError));
      curve.upper.push(Math.min(1, survival + Z95 * standardError));
    }
    index = end;
  }
  return curve;
}

/** S(t) of a Kaplan–Meier curve (a step function, right-continuous; 1 before the first event time). */
export function survivalAt(curve: Pick<KaplanMeierCurve, "timesSec" | "survival">, timeSec: number): number {
  let low = 0;
  let high = curve.timesSec.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (curve.timesSec[middle]! <= timeSec) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? 1 : curve.survival[low - 1]!;
}

/** An exponential tail: constant hazard beyond `fromSec`, fitted to the last stretch of the curve. */
export interface ExponentialTail {
  /** Start of the stretch the hazard was fitted on, seconds. */
  fromSec: number;
  /** Events in it, and the time at risk beyond `fromSec`, summed over every observation (seconds). */
  events: number;
  exposureSec: number;
  /** 1 / hazard, seconds, with its standard error (mean / √events). */
  meanSec: number;
  standardErrorSec: number;
}

/**
 * The exponential tail of a survival curve: a constant hazard fitted by maximum likelihood to the last stretch of the
 * observations, the stretch that holds the last `share` of the events (at least `minEvents`, or all of them when
 * there are fewer): hazard = events beyond `fromSec` / time at risk beyond it (the exponential MLE for durations
 * known to exceed `fromSec`). Null without any event.
 */
export function fitExponentialTail(
  observations: readonly CensoredObservation[],
  options: { share: number; minEvents: number },
): ExponentialTail | null {
  const eventTimes = observations.filter((observation) => observation.event).map((observation) => observation.timeSec);
  if (eventTimes.length === 0) return null;
  eventTimes.sort((a, b) => a - b);
  const wanted = Math.min(eventTimes.length, Math.max(options.minEvents, Math.ceil(options.share * eventTimes.length)));
  // The stretch starts just before the first of the last `wanted` events (ties at it included).
  const fromSec = eventTimes[eventTimes.length - wanted]!;
  let events = 0;
  let exposureSec = 0;
  for (const observation of observations) {
    if (observation.timeSec < fromSec) continue;
    exposureSec += observation.timeSec - fromSec;
    if (observation.event) events++;
  }
  // Events at fromSec itself have no exposure beyond it in whole seconds; half a second each keeps the rate finite.
  exposureSec = Math.max(exposureSec, events * 0.5);
  const meanSec = exposureSec / events;
  return { fromSec, events, exposureSec, meanSec, standardErrorSec: meanSec / Math.sqrt(events) };
}

/** A survival curve the engine samples: Kaplan–Meier knots while enough observations are at risk, then the
 * exponential tail (see `SurvivalTable` in random/survivalSampler.ts). */
export interface PatienceCurve {
  timesSec: number[];
  survival: number[];
  tailMeanSec: number;
}

/**
 * The Kaplan–Meier curve kept where it is reliable — at event times with at least `minAtRisk` observations at risk —
 * and beyond its last kept knot the exponential tail (`fitExponentialTail`). So a curve that ends in a few
 * stragglers (one caller at risk whose hang-up drops S to 0) does not make the longest wait seen a wall. Null when
 * there is no event to fit.
 */
export function patienceCurve(
  observations: readonly CensoredObservation[],
  options: { minAtRisk: number; tailShare: number; minTailEvents: number },
): { curve: PatienceCurve; km: KaplanMeierCurve; tail: ExponentialTail } | null {
  const km = kaplanMeier(observations);
  const tail = fitExponentialTail(observations, { share: options.tailShare, minEvents: options.minTailEvents });
  if (!tail) return null;
  let kept = 0;
  while (kept < km.timesSec.length && km.atRisk[kept]! >= options.minAtRisk) kept++;
  // With no knot reliable enough, the curve is the tail alone: an exponential from 0.
  const curve: PatienceCurve =
    kept > 0
      ? { timesSec: km.timesSec.slice(0, kept), survival: km.survival.slice(0, kept), tailMeanSec: tail.meanSec }
      : { timesSec: [0], survival: [1], tailMeanSec: tail.meanSec };
  return {
    curve,
    km,
    tail,
  };
}
