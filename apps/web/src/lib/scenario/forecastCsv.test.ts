import { describe, expect, it } from "vitest";
import { parseScenario } from "@ccplan/core";
import { forecastFromCsv } from "./forecastCsv.js";
import { withImportedForecast } from "./withImportedForecast.js";
import { defaultScenario } from "./bundled.js";

const week = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

describe("forecastFromCsv", () => {
  it("reads one block of clock times per simulated day, zero outside the rows", () => {
    const text = "start,contacts\n08:00,10\n08:30,12.5\n09:00,7\n08:00,3\n09:00,4\n";
    const result = forecastFromCsv(text, { days: ["mon", "tue"] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.forecast.intervalMinutes).toBe(30);
    expect(result.forecast.intervalContacts).toHaveLength(96);
    expect(result.forecast.intervalContacts.slice(16, 19)).toEqual([10, 12.5, 7]);
    expect(result.forecast.intervalContacts.slice(48 + 16, 48 + 19)).toEqual([3, 0, 4]);
    expect(result.forecast.rows).toBe(5);
    expect(result.forecast.missingIntervals).toBe(91);
    expect(result.forecast.days).toBeUndefined();
  });

  it("sets the days and the first date from dated starts, ignores an interval report's agents column", () => {
    const text = "Start,Contacts,agents\n2026-11-27T10:00,5,3\n2026-11-27T10:15,6,3\n2026-11-29T23:45,1,1\n";
    const result = forecastFromCsv(text, { days: week });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.forecast).toMatchObject({ intervalMinutes: 15, startDate: "2026-11-27", days: ["fri", "sat", "sun"], ignoredColumns: ["agents"] });
    expect(result.forecast.intervalContacts).toHaveLength(3 * 96);
    expect(result.forecast.intervalContacts[40]).toBe(5);
    expect(result.forecast.intervalContacts[3 * 96 - 1]).toBe(1);
  });

  it("names every bad row by its line number", () => {
    const text = "start,contacts\n08:00,10\n8h30,12\n09:00,-1\n\n09:30,\n";
    expect(forecastFromCsv(text, { days: ["mon"] })).toEqual({
      ok: false,
      errors: [
        'line 3: start "8h30"; expected a time HH:MM, as in the first row (or date-times like 2026-11-23T07:30 in every row)',
        'line 4: contacts "-1"; expected a number ≥ 0',
        'line 6: contacts ""; expected a number ≥ 0',
      ],
    });
  });

  it("refuses missing and unknown columns on line 1", () => {
    const result = forecastFromCsv("time,calls\n08:00,1\n", { days: ["mon"] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toBe('line 1: missing column "start"; expected a header with start and contacts (e.g. start,contacts)');
      expect(result.errors).toContain('line 1: unknown column "calls"; expected start, contacts (and optionally agents, aht_seconds, patience_seconds, which are ignored)');
    }
  });

  it("refuses a day count that does not match the scenario, and odd interval lengths", () => {
    const oneDay = forecastFromCsv("start,contacts\n08:00,1\n08:30,2\n", { days: ["mon", "tue"] });
    expect(oneDay.ok).toBe(false);
    if (!oneDay.ok) expect(oneDay.errors[0]).toMatch(/^the file holds 1 day of intervals .* the scenario simulates 2 \(mon, tue\)/);
    const odd = forecastFromCsv("start,contacts\n08:00,1\n08:20,2\n", { days: ["mon"] });
    expect(odd).toEqual({ ok: false, errors: ["line 3: start 08:20 is 20 minutes after the previous row; expected intervals of 15, 30 or 60 minutes"] });
    const offGrid = forecastFromCsv("start,contacts\n08:00,1\n08:30,2\n09:45,2\n", { days: ["mon"] });
    expect(offGrid).toEqual({ ok: false, errors: ["line 4: start 09:45 is not on the 30-minute grid; expected starts at multiples of 30 minutes after midnight"] });
  });

  it("refuses a day the calendar does not have with core's reason, rather than rolling it over to the next month", () => {
    expect(forecastFromCsv("start,contacts\n2026-02-28T08:00,1\n2026-02-29T08:00,1\n", { days: ["mon"] })).toEqual({
      ok: false,
      errors: ['line 3: start "2026-02-29T08:00"; no such day: February 2026 has 28 days; expected a date-time like 2026-11-23T07:30, as in the first row'],
    });
    expect(forecastFromCsv("start,contacts\n2026-13-01T08:00,1\n2026-13-01T08:30,1\n", { days: ["mon"] })).toEqual({
      ok: false,
      errors: [
        'line 2: start "2026-13-01T08:00"; no such month: 13; expected a date-time like 2026-11-23T07:30, as in the first row',
        'line 3: start "2026-13-01T08:30"; no such month: 13; expected a date-time like 2026-11-23T07:30, as in the first row',
      ],
    });
    // A leap year's 29 February is a day.
    const leap = forecastFromCsv("start,contacts\n2028-02-29T08:00,1\n2028-02-29T08:30,1\n", { days: ["mon"] });
    expect(leap.ok && leap.forecast.startDate).toBe("2028-02-29");
  });

  it("refuses dated rows out of order and zoned times", () => {
    const result = forecastFromCsv("start,contacts\n2026-11-23T08:00,1\n2026-11-23T07:30,1\n", { days: ["mon"] });
    expect(result).toEqual({ ok: false, errors: ["line 3: start 2026-11-23T07:30 is not after the previous row's (2026-11-23T08:00); expected rows in time order, each interval once"] });
    const zoned = forecastFromCsv("start,contacts\n2026-11-23T08:00Z,1\n2026-11-23T08:30Z,1\n", { days: ["mon"] });
    expect(zoned.ok).toBe(false);
  });

  it("gives a draft that core accepts when put into the default scenario", () => {
    const lines = ["start,contacts"];
    for (let day = 0; day < 7; day++) for (let h = 7; h < 22; h++) lines.push(`${String(h).padStart(2, "0")}:00,${100 + h}`, `${String(h).padStart(2, "0")}:30,${90 + h}`);
    const result = forecastFromCsv(lines.join("\n"), { days: week });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const draft = withImportedForecast(JSON.parse(defaultScenario().text), 0, result.forecast);
    const parsed = parseScenario(draft);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.scenario.queues[0]!.forecast).toEqual({ intervalContacts: result.forecast.intervalContacts, dailyCv: 0.05 });
  });
});
