import { applyIntervention, type Scenario, type Shift } from "@ccplan/core";

/** A shift changed by one of core's staffing interventions, or why core refuses the change. */
export type ShiftEdit = { ok: true; shift: Shift } | { ok: false; error: string };

function edited(scenario: Scenario, group: string, shift: string, change: { kind: "moveShift"; minutes: number } | { kind: "lengthenShift"; hours: number }): ShiftEdit {
  try {
    const applied = applyIntervention(scenario, { ...change, name: "edit", group, shift } as Parameters<typeof applyIntervention>[1]);
    const found = applied.scenario.groups.find((entry) => entry.name === group)?.shifts.find((entry) => entry.name === shift);
    return found ? { ok: true, shift: found } : { ok: false, error: `shift "${shift}" is not in group "${group}"` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The shift `minutes` later (negative: earlier), breaks included, as core's moveShift makes it (crossing midnight
 * moves its days). */
export function movedShift(scenario: Scenario, group: string, shift: string, minutes: number): ShiftEdit {
  return edited(scenario, group, shift, { kind: "moveShift", minutes });
}

/** The shift `hours` longer at its end (negative: shorter), as core's lengthenShift makes it. */
export function lengthenedShift(scenario: Scenario, group: string, shift: string, hours: number): ShiftEdit {
  return edited(scenario, group, shift, { kind: "lengthenShift", hours });
}
