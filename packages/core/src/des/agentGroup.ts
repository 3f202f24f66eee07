/**
 * The agents of one group as counts: agents are identical within a group, so there is no agent object.
 * `target` is how many should be on the floor now (scheduled minus absent); `present` how many are (busy
 * or idle). Idle agents leave at once when the target drops; busy ones finish their contact first, so the
 * invariant is `present = max(target, busy)`: an agent ending a contact while `present > target` leaves.
 * The group also integrates its scheduled, present and busy counts over time (agent-seconds).
 * A later issue with agents that differ (tenure, proficiency, chat sessions) adds an array path beside this.
 */
export class AgentGroup {
  scheduled = 0;
  target = 0;
  present = 0;
  busy = 0;
  scheduledAreaSec = 0;
  presentAreaSec = 0;
  busyAreaSec = 0;
  // Busy changes with every contact, the others rarely: separate clocks keep the per-contact update to one product.
  private busySinceSec = 0;
  private staffSinceSec = 0;

  reset(): void {
    this.scheduled = this.target = this.present = this.busy = 0;
    this.scheduledAreaSec = this.presentAreaSec = this.busyAreaSec = 0;
    this.busySinceSec = this.staffSinceSec = 0;
  }

  /** Idle agents on the floor. */
  get idle(): number {
    return this.present - this.busy;
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

  /** An idle agent takes a contact. */
  startService(nowSec: number): void {
    this.advanceBusy(nowSec);
    this.busy++;
  }

  /** A contact ends and the agent has no next contact (or must leave): it becomes idle, or leaves the floor
   * when the group is over its target (a break or shift end that fell mid-contact). */
  endService(nowSec: number): void {
    this.advanceBusy(nowSec);
    if (this.present > this.target) {
      this.advanceStaff(nowSec);
      this.present--;
    }
    this.busy--;
  }

  /** Sets the scheduled count and the on-floor target; returns how many agents are now idle (newcomers
   * who should take waiting contacts at once). */
  setStaffing(nowSec: number, scheduled: number, target: number): number {
    this.advanceStaff(nowSec);
    this.scheduled = scheduled;
    this.target = target;
    this.present = target > this.busy ? target : this.busy;
    return this.present - this.busy;
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
