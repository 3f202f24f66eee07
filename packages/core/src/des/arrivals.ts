import type { AttributeDraws } from "./attributeDraws.js";
import { UniformBlock } from "./uniformBlock.js";
import { Xor4096Fill } from "./xor4096Fill.js";
import type { PlanQueue } from "./plan.js";

/**
 * Infinity, as the engine's hot functions write it: "no event before the end". A module constant rather than the global
 * `Infinity`: reading the global is a load that collects type feedback, and in a branch that had not run yet when its
 * function was optimised (one taken once a replication, at its end) it compiled to a generic load of unknown type. The
 * optimiser then kept every value that branch's result merges with boxed: each arrival's time became a 16-byte heap
 * number (the standard day: 91 KB a replication against 17 KB, `--trace-gc-nvp`, 2026-12-07). A module constant is
 * folded into the optimised code as the number it is. Declared here, in the module that reads it: one imported from
 * another module is read through the import's cell and was not folded (in core's unbundled dist/, which the engine's
 * bench and Vite's dev server load).
 */
const NEVER = Infinity;

/**
 * External arrivals of one queue: a non-homogeneous Poisson process by thinning (Lewis & Shedler 1979).
 * Candidates come at `candidateRatePerSec` (times the day's volume multiplier); a candidate in interval i is
 * kept with probability `arrivalRatePerSec[i] / candidateRatePerSec`, judged with one uniform from the
 * "accept" stream. Every candidate, kept or not, consumes one uniform from each attribute stream, so a
 * scenario with less volume keeps a subset of the same customers with the same attributes.
 *
 * The kept candidate's attribute uniforms are left in their streams until the engine processes the
 * arrival (`AttributeDraws.drawInto`), which then reads exactly the values drawn at the candidate's turn:
 * nothing else draws from those streams in between. The engine keeps the next arrival of each queue outside
 * its event heap: there is always exactly one.
 *
 * When every interval's rate equals the candidate rate (a stationary queue), every candidate is kept and
 * the accept uniform is not drawn: the accept stream feeds nothing else, so a thinned scenario on the same
 * seed still draws the same accept uniforms for the same candidates and every other stream is unchanged.
 * A rate above the candidate rate is treated as the candidate rate (every candidate kept).
 */
export class ArrivalSource {
  /** Time of the next kept arrival, seconds; Infinity when there is none before the end of the span. */
  nextSec = Infinity;
  private readonly acceptProbability: Float64Array;
  private readonly acceptAll: boolean;
  private readonly candidateRatePerSec: number;
  private readonly meanGapSec: number;
  private readonly intervalSec: number;
  private readonly lastInterval: number;
  private readonly endSec: number;
  private readonly daySec: number;
  /** Candidate rate per day (candidate rate × the day's multiplier), or null without day-level dispersion. */
  private readonly dayRatePerSec: Float64Array | null;
  private readonly arrivalStream: Xor4096Fill;
  private readonly arrivals: UniformBlock;
  /** The "accept" stream and its block; null when every candidate is kept (the stream is then never opened). */
  private readonly acceptStream: Xor4096Fill | null;
  private readonly accept: UniformBlock | null;
  /** Candidates rejected in intervals with no arrivals whose accept and attribute uniforms are still to be consumed. */
  private closedCandidates = 0;
  /** The queue's first-contact attribute streams (the engine draws a kept arrival's uniforms from them). */
  readonly attributes: AttributeDraws;

  /** The arrivals of queue `lane` of a plan, with its first-contact attribute streams `attributes`; `start` begins a
   * replication. Made once per simulator and started again for each replication (see Xor4096Fill.restart: why). */
  constructor(
    queue: PlanQueue,
    options: {
      seed: number;
      /** The queue's index: the lane of its "arrivals" and "accept" streams. */
      lane: number;
      intervalSec: number;
      intervalCount: number;
      intervalsPerDay: number;
      attributes: AttributeDraws;
    },
  ) {
    const { intervalSec, intervalCount, seed, lane } = options;
    const candidateRate = queue.candidateRatePerSec;
    this.candidateRatePerSec = candidateRate;
    this.arrivalStream = new Xor4096Fill(seed, 0, "arrivals", lane);
    this.arrivals = new UniformBlock(this.arrivalStream);
    this.attributes = options.attributes;
    this.intervalSec = intervalSec;
    this.lastInterval = intervalCount - 1;
    this.endSec = intervalCount * intervalSec;
    this.daySec = options.intervalsPerDay * intervalSec;
    this.meanGapSec = candidateRate > 0 ? 1 / candidateRate : Infinity;
    this.acceptProbability = new Float64Array(intervalCount);
    let acceptAll = true;
    for (let i = 0; i < intervalCount; i++) {
      const rate = queue.arrivalRatePerSec[i]!;
      const probability = candidateRate > 0 && rate > 0 ? rate / candidateRate : 0;
      this.acceptProbability[i] = probability;
      if (!(probability >= 1)) acceptAll = false;
    }
    this.acceptAll = acceptAll;
    this.acceptStream = acceptAll ? null : new Xor4096Fill(seed, 0, "accept", lane);
    this.accept = this.acceptStream ? new UniformBlock(this.acceptStream) : null;
    this.dayRatePerSec = queue.dailyVolumeCv > 0 ? new Float64Array(Math.ceil(intervalCount / options.intervalsPerDay)) : null;
  }

  /**
   * Begins replication `replication`: the arrival, accept and attribute streams go back to that replication's start,
   * and `nextSec` is its first kept arrival. `dayMultipliers`: the volume multiplier of each simulated day, one per day
   * (required when the queue has day-level dispersion, ignored otherwise).
   */
  start(replication: number, dayMultipliers: Float64Array | null): void {
    this.arrivalStream.restart(replication);
    this.arrivals.restart();
    if (this.acceptStream !== null) {
      this.acceptStream.restart(replication);
      this.accept!.restart();
    }
    this.attributes.restart(replication);
    this.closedCandidates = 0;
    const candidateRate = this.candidateRatePerSec;
    const dayRates = this.dayRatePerSec;
    if (dayRates !== null) for (let d = 0; d < dayRates.length; d++) dayRates[d] = dayMultipliers![d]! * candidateRate;
    this.nextSec = 0;
    if (candidateRate > 0 && this.lastInterval >= 0) this.advance();
    else this.nextSec = Infinity;
  }

  /** Moves to the arrival after the current one (call after its attributes were drawn). */
  next(): void {
    this.advance();
  }

  /** Sets `nextSec` to the next kept candidate after it (Infinity past the span's end). It writes the field rather
   * than return the time: a number returned from a call the compiler does not inline is boxed (an allocation per
   * arrival), while a number field is updated in place. */
  private advance(): void {
    let t = this.nextSec;
    for (;;) {
      // An exponential gap as −mean·ln(1 − u), as gammaSampler's shape 1 (see there).
      t = this.dayRatePerSec ? this.gapAcrossDays(t) : t - this.meanGapSec * Math.log(1 - this.arrivals.next());
      if (!(t < this.endSec)) {
        // No store here, only the one after the loop: this branch runs once per replication, often first after `advance`
        // was optimised, and a property store that never ran has no type feedback, so the optimised code (and `run`,
        // which inlines it) would deoptimise at the end of the replication ("Insufficient type feedback").
        t = NEVER;
        break;
      }
      if (this.acceptAll) break;
      // The candidate's time goes through the field (a number passed to a call is boxed when it is not inlined).
      this.nextSec = t;
      if (this.keepsCandidate()) break;
    }
    this.nextSec = t;
  }

  /** Whether thinning keeps the candidate at `nextSec` (apart from `advance`, so that the stationary path stays small
   * enough to be inlined); a rejected one's attribute uniforms are consumed. */
  private keepsCandidate(): boolean {
    const interval = Math.min(Math.floor(this.nextSec / this.intervalSec), this.lastInterval);
    const probability = this.acceptProbability[interval]!;
    if (probability > 0) {
      if (this.closedCandidates > 0) this.skipClosedCandidates();
      if (this.accept!.next() < probability) return true;
      this.attributes.skip();
    } else {
      // An interval with no arrivals (a closed center): every candidate is rejected, whatever its accept uniform.
      this.closedCandidates++;
    }
    return false;
  }

  /** Consumes the accept and attribute uniforms of the candidates counted in intervals with no arrivals, all at once:
   * a night of them moves the streams on without making the uniforms. Called before those streams are next read (a
   * kept candidate is always preceded by this, in the interval where it is kept). */
  private skipClosedCandidates(): void {
    this.accept!.skip(this.closedCandidates);
    this.attributes.skip(this.closedCandidates);
    this.closedCandidates = 0;
  }

  /** The next candidate after `fromSec` when the candidate rate changes from day to day: one unit-rate
   * exponential spent over the cumulative intensity, so crossing midnight costs no extra draw. */
  private gapAcrossDays(fromSec: number): number {
    const dayRates = this.dayRatePerSec!;
    let work = 0 - Math.log(1 - this.arrivals.next());
    let t = fromSec;
    let day = Math.floor(t / this.daySec);
    for (;;) {
      if (day >= dayRates.length) return NEVER;
      const rate = dayRates[day]!;
      const dayEnd = (day + 1) * this.daySec;
      if (rate > 0) {
        const gap = work / rate;
        if (t + gap < dayEnd) return t + gap;
        work -= (dayEnd - t) * rate;
      }
      t = dayEnd;
      day++;
    }
  }
}
