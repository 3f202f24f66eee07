/**
 * The agents of one group as counts: agents are identical within a group, so there is no agent object.
 * `target` is how many should be on the floor now (scheduled minus absent); `present` how many are (busy
 * or idle). Idle agents leave at once when the target drops; busy ones finish their contact first, so the
 * invariant is `present = max(target, agents needed by the work in progress)`.
 *
 * Work is counted in slots: each agent has `slotsPerAgent` of them (1, or the most chat sessions an agent of the
 * group holds at once). A chat session takes one slot; any other contact (phone, email) takes a whole agent, i.e.
 * `slotsPerAgent` slots, and can start when that many slots are free. With one slot per agent this is the plain
 * count of busy agents. With more it treats the free slots as pooled, as if the router packed sessions onto as few
 * agents as it can (so that whole agents stay free for calls): an approximation of per-agent session counts.
 * The group also integrates its scheduled, present and busy counts over time (agent-seconds; busy in slots, so
 * `busyAreaSec / slotsPerAgent` is in agent-seconds).
 */
export class AgentGroup {
  scheduled = 0;
  target = 0;
  present = 0;
  /** Slots in use. */
  busy = 0;
  /** `present × slotsPerAgent`: slots on the floor. */
  capacity = 0;
  scheduledAreaSec = 0;
  presentAreaSec = 0;
  /** ∫ busy dt, slot-seconds. */
  busyAreaSec = 0;
  readonly slotsPerAgent: number;
  // Busy changes with every contact, the others rarely: separate clocks keep the per-contact update to one product.
  private busySinceSec = 0;
  private staffSinceSec = 0;

  constructor(slotsPerAgent = 1) {
    this.slotsPerAgent = slotsPerAgent;
  }

  reset(): void {
    this.scheduled = this.target = this.present = this.busy = this.capacity = 0;
    this.scheduledAreaSec = this.presentAreaSec = this.busyAreaSec = 0;
    this.busySinceSec = this.staffSinceSec = 0;
  }

  /** Free slots on the floor (idle agents when an agent has one slot). */
  get idle(): number {
    return this.capacity - this.busy;
  }

  /** Brings the time integrals up to `nowSec`. */
  advance(nowSec: number): void {
    this.advanceBusy(nowSec);
    this.advanceStaff(nowSec);
  }

  /** Restarts the time integrals at `nowSec` (after they were written out). */
  clearAreas(): void {
    this.scheduledAreaSec = this.presentAreaSec = this.busyAreaSec = 0;
  }

  /** A contact taking `slots` free slots starts. */
  startService(nowSec: number, slots = 1): void {
    this.advanceBusy(nowSec);
    this.busy += slots;
  }

  /** A contact that took `slots` slots ends with no next contact for them: they become free, and agents leave the
   * floor while the group is over its target and a whole agent is free (a break or shift end that fell mid-contact). */
  endService(nowSec: number, slots = 1): void {
    this.advanceBusy(nowSec);
    this.busy -= slots;
    const perAgent = this.slotsPerAgent;
    while (this.present > this.target && this.capacity - this.busy >= perAgent) {
      this.advanceStaff(nowSec);
      this.present--;
      this.capacity -= perAgent;
    }
  }

  /** Sets the scheduled count and the on-floor target; returns how many slots are now free (newcomers who should
   * take waiting contacts at once). */
  setStaffing(nowSec: number, scheduled: number, target: number): number {
    this.advanceStaff(nowSec);
    this.scheduled = scheduled;
    this.target = target;
    const needed = Math.ceil(this.busy / this.slotsPerAgent);
    this.present = target > needed ? target : needed;
    this.capacity = this.present * this.slotsPerAgent;
    return this.capacity - this.busy;
  }

  private advanceBusy(nowSec: number): void {
    this.busyAreaSec += this.busy * (nowSec - this.busySinceSec);
    this.busySinceSec = nowSec;
  }

  private advanceStaff(nowSec: number): void {
    const dt = nowSec - this.staffSinceSec;
    this.scheduledAreaSec += this.scheduled * dt;
    this.presentAreaSec += this.present * dt;
    this.staffSinceSec = nowSec;
  }
}
