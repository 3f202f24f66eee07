import { csvFormatRows } from "d3-dsv";
import type { TargetMet } from "../compare/targetMet.js";
import { clockMinutes, formatClock } from "../schema/clockTime.js";
import { parseScenario } from "../schema/parseScenario.js";
import type { Shift } from "../schema/shift.js";
import type { Weekday } from "../schema/weekday.js";
import { intervalTargetMet, metShare, type IntervalOutcomes } from "./intervalOutcomes.js";
import type { RosterResult } from "./optimiseRoster.js";

/** One interval of the span in the roster's JSON. Agents are scheduled agents (on shift, not on a break, before
 * shrinkage), summed over the rostered groups. */
export interface RosterIntervalRow {
  start: string;
  /** Whether first contacts are forecast in it (only open intervals are held to the confidence). */
  open: boolean;
  /** Erlang A's requirement on the load simulated for today's roster. */
  requiredErlang: number;
  /** The requirement after correction by simulation, which the roster was solved for. */
  required: number;
  /** Time-average scheduled agents of today's roster and of the optimised one. */
  scheduledToday: number;
  scheduled: number;
  /** Agents the program could not place (limits or templates that cannot cover the interval); 0 when covered. */
  shortBy: number;
  before: { serviceLevel: number | null; targetMet: TargetMet };
  after: { serviceLevel: number | null; targetMet: TargetMet };
}

/** `ccplan roster --json`: what the optimiser found, with today's roster beside it. Money in the scenario's currency
 * per week; shares as fractions. */
export interface RosterDocument {
  scenario: string;
  /** The simulated weekdays and the interval length, to lay out the roster and the intervals. */
  days: Weekday[];
  intervalMinutes: number;
  /** For each interval of the span: its day's label ("mon", "2026-11-23") and its start ("07:30"); intervals per day. */
  intervalDays: string[];
  intervalStarts: string[];
  intervalsPerDay: number;
  currency: string | null;
  groups: string[];
  seed: number;
  replications: number;
  /** Replications of the correction (0 … replications − 1) and of the fresh verification (from … + replications). */
  verifyFrom: number;
  /** Weekly cost and paid hours (Σ hours × agents × weekdays) of the optimised roster, and today's. */
  cost: number;
  paidHours: number;
  today: { cost: number; paidHours: number };
  /** The optimised roster less today's, per week (negative: cheaper). */
  difference: { cost: number; paidHours: number };
  /** The solver's bound on the weekly cost of any roster meeting the final requirements, and the relative gap. */
  lowerBound: number;
  gap: number;
  solver: { status: string; solveSec: number; timeLimitSec: number; mipRelGap: number };
  confidence: number;
  /** The binomial margin added to the confidence while correcting. */
  margin: number;
  /** Every open interval met its target in at least `confidence` of the fresh replications. */
  verified: boolean;
  keptToday: boolean;
  iterations: { stage: string; confidence: number; cost: number; paidHours: number; intervalsShort: number; solveSec: number; gap: number }[];
  costOfConfidence: { confidence: number; paidHours: number | null; cost: number | null; met: boolean; intervalsShort: number }[];
  /** Open intervals today's roster missed (fewer than `confidence` of fresh weeks) that the optimised one meets, and
   * those it still misses. */
  intervalsFixed: string[];
  intervalsStillShort: string[];
  intervals: RosterIntervalRow[];
  /** The optimised roster's shifts per group (locked shifts first, as they were). */
  roster: { group: string; shifts: Shift[] }[];
  /** Today's shifts of the same groups, for comparison. */
  todayRoster: { group: string; shifts: Shift[] }[];
  /** The optimised roster's weekly cost as the optimiser priced it, per group (for a `roster` intervention's
   * `costPerWeek`). */
  costByGroup: { group: string; cost: number }[];
}

const round = (value: number, digits = 6) => Math.round(value * 10 ** digits) / 10 ** digits;
const levelOrNull = (outcomes: IntervalOutcomes, i: number) => (Number.isNaN(outcomes.serviceLevel[i]!) ? null : round(outcomes.serviceLevel[i]!));

/** The JSON document of a roster result (see {@link RosterDocument}). */
export function rosterDocument(result: RosterResult, currency: string | null): RosterDocument {
  const { plan, best, today, after, open } = result;
  const sum = (map: ReadonlyMap<string, ArrayLike<number>>, i: number) => [...map.values()].reduce((total, values) => total + values[i]!, 0);
  const staffingMean = (map: RosterResult["today"]["staffing"], i: number) => [...map.values()].reduce((total, staffing) => total + staffing.mean[i]!, 0);
  const intervals: RosterIntervalRow[] = plan.intervalLabels.map((start, i) => ({
    start,
    open: open[i] === 1,
    requiredErlang: sum(result.requiredErlang, i),
    required: round(sum(best.required, i)),
    scheduledToday: round(staffingMean(today.staffing, i), 3),
    scheduled: round(staffingMean(best.staffing, i), 3),
    shortBy: round(best.shortfall[i]!, 3),
    before: { serviceLevel: levelOrNull(today.outcomes, i), targetMet: intervalTargetMet(today.outcomes, i) },
    after: { serviceLevel: levelOrNull(after, i), targetMet: intervalTargetMet(after, i) },
  }));
  const openRows = [...open.keys()].filter((i) => open[i] === 1);
  return {
    scenario: plan.name,
    days: [...result.days],
    intervalMinutes: plan.intervalSec / 60,
    intervalDays: plan.intervalLabels.map((_, i) => plan.dayLabels[Math.floor(i / plan.intervalsPerDay)]!),
    intervalStarts: plan.intervalLabels.map((_, i) => formatClock((i % plan.intervalsPerDay) * (plan.intervalSec / 60))),
    intervalsPerDay: plan.intervalsPerDay,
    currency,
    groups: result.groups.map((group) => group.name),
    seed: result.seed,
    replications: result.replications,
    verifyFrom: result.verifyFrom,
    cost: round(best.cost, 2),
    paidHours: round(best.paidHours, 3),
    today: { cost: round(today.cost, 2), paidHours: round(today.paidHours, 3) },
    difference: { cost: round(best.cost - today.cost, 2), paidHours: round(best.paidHours - today.paidHours, 3) },
    lowerBound: round(best.lowerBound, 2),
    gap: round(best.gap),
    solver: { status: best.status, solveSec: round(best.solveSec, 3), timeLimitSec: result.timeLimitSec, mipRelGap: result.mipRelGap },
    confidence: result.confidence,
    margin: round(result.margin),
    verified: result.verified,
    keptToday: result.keptToday,
    iterations: result.iterations.map((iteration) => ({ ...iteration, cost: round(iteration.cost, 2), solveSec: round(iteration.solveSec, 3), gap: round(iteration.gap) })),
    costOfConfidence: result.costOfConfidence.map((row) => ({ confidence: row.confidence, paidHours: row.paidHours === null ? null : round(row.paidHours, 3), cost: row.cost === null ? null : round(row.cost, 2), met: row.met, intervalsShort: row.intervalsShort })),
    intervalsFixed: openRows.filter((i) => metShare(today.outcomes, i) < result.confidence && metShare(after, i) >= result.confidence).map((i) => plan.intervalLabels[i]!),
    intervalsStillShort: openRows.filter((i) => metShare(after, i) < result.confidence).map((i) => plan.intervalLabels[i]!),
    intervals,
    roster: result.groups.map((group) => ({ group: group.name, shifts: [...group.locked, ...(best.shifts.get(group.name) ?? [])] })),
    todayRoster: result.groups.map((group) => ({ group: group.name, shifts: group.group.shifts })),
    costByGroup: result.groups.map((group) => ({ group: group.name, cost: round(best.costByGroup.get(group.name) ?? 0, 2) })),
  };
}

/** The roster as CSV for the team: one row per shift (group, shift, start, end, hours, days, agents, breaks, locked). */
export function rosterCsv(document: Pick<RosterDocument, "roster">): string {
  const rows: string[][] = [["group", "shift", "start", "end", "hours", "days", "agents", "breaks", "locked"]];
  for (const { group, shifts } of document.roster) {
    for (const shift of shifts) {
      rows.push([
        group,
        shift.name,
        shift.start,
        formatClock(clockMinutes(shift.start) + shift.hours * 60),
        String(shift.hours),
        shift.days.join(" "),
        String(shift.agents),
        shift.breaks.map((pause) => `${pause.start} ${pause.minutes}min`).join("; "),
        shift.locked ? "yes" : "no",
      ]);
    }
  }
  return `${csvFormatRows(rows)}\n`;
}

/** Intervention kinds that name a shift of a group. */
const SHIFT_KINDS = new Set(["addAgents", "removeAgents", "moveShift", "lengthenShift"]);

/**
 * The scenario file with each rostered group's shifts replaced by the optimised roster (its locked shifts kept, as
 * written), everything else as the file had it: a file every tool that reads scenarios reads unchanged. `raw` is the
 * file's JSON (not the parsed scenario, so defaults stay implicit). Interventions that name a shift the roster no
 * longer has (directly or inside `combined`) are left out; `dropped` lists their names. So are interventions that
 * name a shift the roster kept (a locked one) but that the new roster makes invalid (adding agents to a roster
 * already at the group's limit): `invalid` lists their names with the validation's reason.
 */
export function rosterScenarioFile(raw: unknown, document: Pick<RosterDocument, "roster">): { file: unknown; dropped: string[]; invalid: { name: string; reason: string }[] } {
  if (typeof raw !== "object" || raw === null || !Array.isArray((raw as { groups?: unknown }).groups)) return { file: raw, dropped: [], invalid: [] };
  const file = raw as { groups: Record<string, unknown>[]; interventions?: unknown };
  const byGroup = new Map(document.roster.map((entry) => [entry.group, entry.shifts]));
  const names = new Map(document.roster.map((entry) => [entry.group, new Set(entry.shifts.map((shift) => shift.name))]));
  const stale = (entry: unknown): boolean => {
    if (typeof entry !== "object" || entry === null) return false;
    const { kind, group, shift, interventions } = entry as Record<string, unknown>;
    if (kind === "combined" && Array.isArray(interventions)) return interventions.some(stale);
    return SHIFT_KINDS.has(String(kind)) && typeof group === "string" && names.has(group) && !names.get(group)!.has(String(shift));
  };
  const interventions = Array.isArray(file.interventions) ? file.interventions : undefined;
  const dropped = (interventions ?? []).filter(stale).map((entry) => String((entry as { name?: unknown }).name));
  const current = interventions?.filter((entry) => !stale(entry));
  const written = {
    ...file,
    groups: file.groups.map((group) => {
      const shifts = byGroup.get(String(group.name));
      if (!shifts) return group;
      const kept = Array.isArray(group.shifts) ? group.shifts.filter((shift) => (shift as { locked?: unknown }).locked === true) : [];
      const fresh = shifts.filter((shift) => shift.locked !== true).map(({ name, start, hours, days, agents, breaks }) => ({ name, start, hours, days, agents, breaks }));
      return { ...group, shifts: [...kept, ...fresh] };
    }),
    ...(current && { interventions: current }),
  };
  // Each intervention is validated on the new roster; one it makes invalid is left out, with the reason.
  const invalid: { name: string; reason: string }[] = [];
  let remaining = current;
  while (remaining && remaining.length > 0) {
    const check = parseScenario({ ...written, interventions: remaining });
    if (check.ok) break;
    const refused = new Map<number, string>();
    for (const issue of check.issues) {
      const index = /^interventions\[(\d+)\]/.exec(issue.path)?.[1];
      if (index !== undefined && !refused.has(Number(index))) refused.set(Number(index), issue.message);
    }
    if (refused.size === 0) break; // invalid for another reason: the caller's check reports it
    for (const [index, reason] of refused) invalid.push({ name: String((remaining[index] as { name?: unknown }).name), reason });
    remaining = remaining.filter((_, index) => !refused.has(index));
  }
  return { file: remaining === current ? written : { ...written, interventions: remaining }, dropped, invalid };
}
