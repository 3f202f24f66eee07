import { describe, expect, it } from "vitest";
import { staffingTimeline } from "../plan/staffingTimeline.js";
import { clockMinutes } from "../schema/clockTime.js";
import { shiftTemplateSchema, type ShiftTemplate } from "../schema/shiftTemplate.js";
import type { Shift } from "../schema/shift.js";
import type { Weekday } from "../schema/weekday.js";
import { createSolverSession } from "./mipSolver.js";
import { buildRosterModel, type RosterModelInputs } from "./rosterModel.js";
import { rosterShifts } from "./rosterShifts.js";
import { solveRoster } from "./solveRoster.js";
import { templateTimes } from "./templateChoices.js";
import { loadTestHighs } from "./testing/highs.js";

const session = createSolverSession(loadTestHighs);
const SOLVE = { timeLimitSec: 20, mipRelGap: 0 };
const template = (input: unknown): ShiftTemplate => shiftTemplateSchema.parse(input);

function inputs(change: Partial<RosterModelInputs> & Pick<RosterModelInputs, "templates" | "requiredByInterval">): RosterModelInputs {
  return {
    days: ["mon"],
    intervalMinutes: 60,
    costPerHour: change.templates.map((times) => times.template.costPerHour ?? 25),
    locked: [],
    lockedCostPerHour: 25,
    shortfallPenaltyPerSlot: 10_000,
    ...change,
  };
}

/** Agents on the floor (on shift, not on a break) at each minute of the span, from shifts as the engine reads them. */
function onFloorByMinute(shifts: readonly Shift[], days: readonly Weekday[]): Int32Array {
  const { timesSec, counts } = staffingTimeline({ shifts, days });
  const minutes = new Int32Array(days.length * 1440);
  for (let k = 0; k < timesSec.length; k++) {
    const to = k + 1 < timesSec.length ? timesSec[k + 1]! / 60 : minutes.length;
    for (let m = timesSec[k]! / 60; m < to; m++) minutes[m] = counts[k]!;
  }
  return minutes;
}

describe("buildRosterModel and solveRoster", () => {
  it("find the optimum enumeration finds on a tiny case (two templates, staggered breaks)", async () => {
    const long = template({ name: "Long", starts: { from: "08:00", to: "09:00", stepMinutes: 60 }, hours: 4, days: ["mon"], breaks: [{ minutes: 30, earliestAfterHours: 1.5, latestAfterHours: 2.5 }], breakStepMinutes: 30 });
    const short = template({ name: "Short", starts: { from: "08:00", to: "11:00", stepMinutes: 60 }, hours: 2, days: ["mon"], costPerHour: 30 });
    const required = new Float64Array(24);
    [2, 3, 3, 2].forEach((need, k) => (required[8 + k] = need));
    const templates = [templateTimes(long), templateTimes(short)];
    const built = buildRosterModel(inputs({ templates, requiredByInterval: required }));
    expect(built.slotMinutes).toBe(30);
    const solution = await solveRoster(session, built, SOLVE);
    expect(solution.status).toBe("optimal");
    expect(built.shortfalls.every((short) => solution.values[short.variable] === 0)).toBe(true);

    // Enumerate: agents per long start (0–4) with every split of their breaks over the three allowed times, agents per
    // short start (0–3); covered when every half hour from 08:00 to 12:00 has its hour's requirement on the floor.
    const splits = (agents: number): number[][] => {
      const out: number[][] = [];
      for (let a = 0; a <= agents; a++) for (let b = 0; a + b <= agents; b++) out.push([a, b, agents - a - b]);
      return out;
    };
    const longOptions: { agents: number; cover: number[] }[][] = [0, 1].map((s) => {
      const list: { agents: number; cover: number[] }[] = [];
      for (let agents = 0; agents <= 4; agents++) {
        for (const split of splits(agents)) {
          const cover = new Array(8).fill(0); // half hours 08:00 … 11:30
          for (let h = 0; h < 8; h++) {
            const minute = 8 * 60 + h * 30;
            const start = (8 + s) * 60;
            if (minute < start || minute >= start + 240) continue;
            const onBreak = [90, 120, 150].reduce((sum, offset, k) => sum + (minute >= start + offset && minute < start + offset + 30 ? split[k]! : 0), 0);
            cover[h] = agents - onBreak;
          }
          list.push({ agents, cover });
        }
      }
      return list;
    });
    let best = Infinity;
    for (const a of longOptions[0]!) {
      for (const b of longOptions[1]!) {
        for (let code = 0; code < 4 ** 4; code++) {
          const shorts = [0, 1, 2, 3].map((k) => Math.floor(code / 4 ** k) % 4);
          let ok = true;
          for (let h = 0; h < 8 && ok; h++) {
            const hour = 8 + Math.floor(h / 2);
            const shortCover = shorts.reduce((sum, agents, k) => sum + (hour >= 8 + k && hour < 10 + k ? agents : 0), 0);
            ok = a.cover[h]! + b.cover[h]! + shortCover >= required[hour]!;
          }
          if (ok) best = Math.min(best, 100 * (a.agents + b.agents) + 60 * shorts.reduce((sum, agents) => sum + agents, 0));
        }
      }
    }
    expect(solution.objective).toBe(best);
    expect(solution.lowerBound).toBeCloseTo(best, 6);
  });

  it("give shifts whose breaks lie in their windows, staggered so that no moment of any interval is short", async () => {
    const day = template({
      name: "Day",
      starts: { from: "08:00", to: "09:30", stepMinutes: 30 },
      hours: 8.5,
      days: ["mon", "tue"],
      breaks: [
        { minutes: 15, earliestAfterHours: 1.5, latestAfterHours: 3 },
        { minutes: 30, earliestAfterHours: 3.5, latestAfterHours: 5.5 },
      ],
    });
    const days: Weekday[] = ["mon", "tue"];
    const required = new Float64Array(96);
    for (let i = 0; i < 96; i++) {
      const minute = (i % 48) * 30;
      if (minute >= 9 * 60 + 30 && minute < 16 * 60 + 30) required[i] = i < 48 ? 12 : 9; // every agent of the day is needed, breaks or not
    }
    const templates = [templateTimes(day)];
    const built = buildRosterModel(inputs({ days, intervalMinutes: 30, templates, requiredByInterval: required }));
    const solution = await solveRoster(session, built, { timeLimitSec: 20, mipRelGap: 0.001 });
    const shifts = rosterShifts({ model: built, templates, values: solution.values });
    const floor = onFloorByMinute(shifts, days);
    for (let minute = 0; minute < floor.length; minute++) expect(floor[minute]!).toBeGreaterThanOrEqual(required[Math.floor(minute / 30)]!);
    const breakTimes = new Set<string>();
    for (const shift of shifts) {
      shift.breaks.forEach((pause, b) => {
        const offset = clockMinutes(pause.start) - clockMinutes(shift.start);
        const window = day.breaks[b]!;
        expect(offset).toBeGreaterThanOrEqual(window.earliestAfterHours * 60);
        expect(offset).toBeLessThanOrEqual(window.latestAfterHours * 60);
        expect(offset % day.breakStepMinutes).toBe(0);
        breakTimes.add(`${b}/${shift.days.join()}/${pause.start}`);
      });
    }
    // Twelve agents all needed on Monday: their breaks must be spread over several times.
    expect([...breakTimes].filter((key) => key.startsWith("0/") && key.includes("mon")).length).toBeGreaterThan(2);
    expect(new Set(shifts.map((shift) => shift.name)).size).toBe(shifts.length);
  });

  it("leave a named shortfall, not an infeasible program, when the limits cannot cover the requirement", async () => {
    const day = template({ name: "Day", starts: { from: "08:00", to: "08:00" }, hours: 8, days: ["mon"] });
    const required = new Float64Array(24);
    for (let hour = 8; hour < 16; hour++) required[hour] = 5;
    const built = buildRosterModel(inputs({ templates: [templateTimes(day)], requiredByInterval: required, maxAgentsAtOnce: 3 }));
    const solution = await solveRoster(session, built, SOLVE);
    expect(solution.feasible).toBe(true);
    const short = built.shortfalls.filter((entry) => solution.values[entry.variable]! > 0);
    expect(new Set(short.map((entry) => entry.interval))).toEqual(new Set([8, 9, 10, 11, 12, 13, 14, 15]));
    expect(short.every((entry) => solution.values[entry.variable] === 2)).toBe(true);
  });

  it("hold each template's agents per day and the group's paid hours a week, leaving the rest as a named shortfall", async () => {
    // 08:00–16:00 needs 4; "Day" (8 h from 08:00) may have at most 3 agents, "Half" (4 h from 08:00 or 12:00) at least 1.
    const day = template({ name: "Day", starts: { from: "08:00", to: "08:00" }, hours: 8, days: ["mon"], maxAgents: 3 });
    const half = template({ name: "Half", starts: { from: "08:00", to: "12:00", stepMinutes: 240 }, hours: 4, days: ["mon"], minAgents: 1, costPerHour: 40 });
    const required = new Float64Array(24);
    for (let hour = 8; hour < 16; hour++) required[hour] = 4;
    const templates = [templateTimes(day), templateTimes(half)];
    const paid = (built: ReturnType<typeof buildRosterModel>, values: Float64Array) =>
      built.choices.reduce((sum, choice) => sum + values[choice.variable]! * templates[choice.template]!.lengthMinutes / 60, 0);
    const perTemplate = (built: ReturnType<typeof buildRosterModel>, values: Float64Array, t: number) =>
      built.choices.filter((choice) => choice.template === t).reduce((sum, choice) => sum + values[choice.variable]!, 0);

    const free = buildRosterModel(inputs({ templates, requiredByInterval: required }));
    const open = await solveRoster(session, free, SOLVE);
    // Three on "Day" (its most), the fourth agent from two "Half" shifts: 3 × 8 × 25 + 2 × 4 × 40.
    expect(perTemplate(free, open.values, 0)).toBe(3);
    expect(perTemplate(free, open.values, 1)).toBe(2);
    expect(open.objective).toBe(600 + 320);

    // At most 28 paid hours a week: 32 are needed, so 4 agent-hours stay short, named by interval.
    const capped = buildRosterModel(inputs({ templates, requiredByInterval: required, maxWeeklyHours: 28 }));
    const solution = await solveRoster(session, capped, SOLVE);
    expect(paid(capped, solution.values)).toBeLessThanOrEqual(28);
    expect(perTemplate(capped, solution.values, 1)).toBeGreaterThanOrEqual(1);
    const short = capped.shortfalls.filter((entry) => solution.values[entry.variable]! > 0);
    expect(short.reduce((sum, entry) => sum + solution.values[entry.variable]! * capped.slotMinutes / 60, 0)).toBe(4);
    expect(short.every((entry) => entry.interval >= 8 && entry.interval < 16)).toBe(true);
  });

  it("count locked shifts against the requirement and the limits, and refuse locked shifts that break a limit", async () => {
    const day = template({ name: "Day", starts: { from: "08:00", to: "12:00", stepMinutes: 60 }, hours: 4, days: ["mon"] });
    const locked: Shift = { name: "Contract", start: "08:00", hours: 8, days: ["mon"], agents: 2, breaks: [], locked: true };
    const required = new Float64Array(24);
    for (let hour = 8; hour < 16; hour++) required[hour] = 3;
    const built = buildRosterModel(inputs({ templates: [templateTimes(day)], requiredByInterval: required, locked: [locked] }));
    const solution = await solveRoster(session, built, SOLVE);
    expect(solution.objective).toBe(2 * 4 * 25); // one agent 08–12 and one 12–16 on top of the two locked
    expect(built.lockedHoursPerWeek).toBe(16);
    expect(() => buildRosterModel(inputs({ templates: [templateTimes(day)], requiredByInterval: required, locked: [locked], maxWeeklyHours: 10 }))).toThrow(
      /locked shifts alone use 16 paid hours a week, above maxWeeklyHours 10/,
    );
  });
});
