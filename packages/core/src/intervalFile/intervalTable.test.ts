import { describe, expect, it } from "vitest";
import { parseIntervalTable, unterminatedQuoteLine } from "./intervalTable.js";

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

  it("refuses a date-time on a day the calendar does not have, rather than roll it over into March", () => {
    expect(parseIntervalTable("start,contacts,agents\n2026-02-28T23:00,10,2\n2026-02-30T00:00,5,1\n")).toEqual({
      ok: false,
      errors: ['line 3: start "2026-02-30T00:00"; no such day: February 2026 has 28 days; expected an ISO date-time like 2026-11-23T08:00 (as in the first row)'],
    });
  });

  it("refuses a year before 1900 by name, rather than read it as another century's", () => {
    expect(parseIntervalTable("start,contacts,agents\n0050-01-04T08:00,10,2\n0050-01-04T09:00,5,1\n")).toEqual({
      ok: false,
      errors: [2, 3].map(
        (line) =>
          `line ${line}: start "0050-01-04T0${line + 6}:00"; year 0050 is before 1900 (a year is written in full, like 2026); expected an ISO date-time like 2026-11-23T08:00 (as in the first row)`,
      ),
    });
  });

  it("reports every bad row by line number, with the value found and what was expected", () => {
    const result = parseIntervalTable("start,contacts,agents\n08:00,40,4\n08:30,-5,6\n9am,70,6\n09:30,70,many\n");
    expect(result).toEqual({
      ok: false,
      errors: [
        'line 3: contacts "-5"; expected a number in decimal notation, ≥ 0 and ≤ 5,000,000',
        'line 4: start "9am"; expected a time HH:MM (as in the first row)',
        'line 5: agents "many"; expected a number in decimal notation, ≥ 0 and ≤ 20,000',
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

  it("reads counts in decimal notation only, within their ranges", () => {
    // Number() would read 0x10 as 16, 0b1 as 1 and Infinity as a number.
    const result = parseIntervalTable("start,contacts,agents,aht_seconds\n08:00,0x10,4,180\n08:30,Infinity,0b1,1e300\n09:00,1e2,2.5,604800\n");
    expect(result).toEqual({
      ok: false,
      errors: [
        'line 2: contacts "0x10"; expected a number in decimal notation, ≥ 0 and ≤ 5,000,000',
        'line 3: contacts "Infinity"; expected a number in decimal notation, ≥ 0 and ≤ 5,000,000',
        'line 3: agents "0b1"; expected a number in decimal notation, ≥ 0 and ≤ 20,000',
        'line 3: aht_seconds "1e300"; expected a number in decimal notation, > 0 and ≤ 604,800',
      ],
    });
    const fine = parseIntervalTable("start,contacts,agents,aht_seconds\n08:00,1e2,4,180\n08:30,12.5,2.5,604800\n");
    expect(fine.ok && fine.table.rows.map((row) => [row.contacts, row.agents, row.ahtSec])).toEqual([
      [100, 4, 180],
      [12.5, 2.5, 604800],
    ]);
  });

  it("names the line of a quote that is never closed", () => {
    expect(parseIntervalTable('start,contacts,agents\n08:00,40,4\n"08:30,50,4\n09:00,60,4\n')).toEqual({
      ok: false,
      errors: ['line 3: a quoted field starts here and is never closed; expected a closing " before the end of the file'],
    });
    // Quoted fields, escaped quotes and CRLF line ends are fine.
    expect(parseIntervalTable('"start","contacts",agents\r\n"08:00",40,4\r\n"08:30","50",4\r\n').ok).toBe(true);
    expect(unterminatedQuoteLine('a,"b ""c""\nd",e\nf,g\n')).toBeNull();
    expect(unterminatedQuoteLine('a,b\r\nc,"d\r\ne,f\r\n')).toBe(2);
  });
});
