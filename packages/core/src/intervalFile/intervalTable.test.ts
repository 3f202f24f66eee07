import { describe, expect, it } from "vitest";
import { parseIntervalTable } from "./intervalTable.js";

describe("parseIntervalTable", () => {
  it("reads clock-time rows and takes the interval length from the start column", () => {
    const result = parseIntervalTable("start,contacts,agents\n08:00,40,4\n08:15,50,4.5\n08:30,0,0\n");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.intervalSec).toBe(900);
    expect(result.table.dated).toBe(false);
    expect(result.table.rows.map((row) => [row.line, row.startSec, row.contacts, row.agents])).toEqual([
      [2, 0, 40, 4],
      [3, 900, 50, 4.5],
      [4, 1800, 0, 0],
    ]);
  });

  it("reads ISO date-times across midnight as one span", () => {
    const result = parseIntervalTable("start,contacts,agents,aht_seconds\n2026-11-23T23:00,10,2,200\n2026-11-24T00:00,5,1,\n");
    expect(result.ok && result.table.intervalSec).toBe(3600);
    expect(result.ok && result.table.rows[0]!.ahtSec).toBe(200);
    expect(result.ok && result.table.rows[1]!.ahtSec).toBeUndefined();
  });

  it("reports every bad row by line number, with the value found and what was expected", () => {
    const result = parseIntervalTable("start,contacts,agents\n08:00,40,4\n08:30,-5,6\n9am,70,6\n09:30,70,many\n");
    expect(result).toEqual({
      ok: false,
      errors: [
        'line 3: contacts "-5"; expected a number ≥ 0',
        'line 4: start "9am"; expected a time HH:MM (as in the first row)',
        'line 5: agents "many"; expected a number ≥ 0',
      ],
    });
  });

  it("rejects missing and unknown columns, uneven spacing and too few rows", () => {
    expect(parseIntervalTable("start,contacts\n08:00,1\n08:30,2\n")).toEqual({
      ok: false,
      errors: ['line 1: missing column "agents"; expected columns start, contacts, agents'],
    });
    expect(parseIntervalTable("start,contacts,agents,agent\n08:00,1,1,1\n08:30,2,1,1\n").ok).toBe(false);
    expect(parseIntervalTable("start,contacts,agents\n08:00,1,1\n08:30,2,1\n09:30,2,1\n")).toEqual({
      ok: false,
      errors: ["line 4: start 09:30 is 60 minutes after the previous row; expected 30 (evenly spaced, no gaps)"],
    });
    expect(parseIntervalTable("start,contacts,agents\n08:00,1,1\n").ok).toBe(false);
    expect(parseIntervalTable("").ok).toBe(false);
  });
});
