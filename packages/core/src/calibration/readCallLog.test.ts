import { describe, expect, it } from "vitest";
import { parseColumnMap } from "./readCsvLog.js";
import { parseDayRange, readCallLog } from "./readCallLog.js";

const HEADER = "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver";
const bank = (...rows: string[]) => [HEADER, ...rows].join("\r\n") + "\r\n";
const row = (fields: string) => fields.split(" ").join("\t");

describe("readCallLog, anonymous-bank format (as published: tabs, CRLF, 0:00:00 = did not happen)", () => {
  const text = bank(
    row("AA0101 1 0 0 PS 990201 7:02:47 7:02:56 9 0:00:00 0:00:00 0 AGENT 7:02:55 7:05:41 166 DORIT"), // straight through
    row("AA0101 2 5 2 PS 990201 8:09:16 8:09:22 6 8:09:22 8:10:27 65 HANG 0:00:00 0:00:00 0 NO_SERVER"), // abandoned
    row("AA0101 3 5 2 NW 990201 8:20:00 8:20:05 5 8:20:05 8:20:35 30 AGENT 8:20:35 8:22:35 120 TOVA"), // queued, answered
    row("AA0101 4 0 0 PS 990201 8:30:00 8:30:05 5 0:00:00 0:00:00 0 PHANTOM 0:00:00 0:00:00 0 NO_SERVER"),
    row("AA0101 5 0 0 PS 990201 8:31:00 8:31:40 40 0:00:00 0:00:00 0 HANG 0:00:00 0:00:00 0 NO_SERVER"), // VRU hang-up
    row("AA0101 6 0 0 PS 990201 8:32:00 8:32:09 9 0:00:00 0:00:00 0 AGENT 8:32:09 8:32:15 6 NO_SERVER"),
    row("AA0101 7 0 0 PS 99021 8:33:00 8:33:09 9 0:00:00 0:00:00 0 AGENT 8:33:09 8:35:00 111 DORIT"), // bad date
    row("AA0101 8 0 1 PS 990202 8:34:00 8:34:09 9 8:34:09 8:35:00 x AGENT 8:35:00 8:36:00 60 DORIT"), // bad q_time
    "AA0101\t9\t0\t1\tPS", // too few fields
    row("AA0101 10 0 1 PS 990202 23:59:00 23:59:30 30 23:59:30 0:00:40 70 AGENT 0:00:40 0:02:40 120 TOVA"), // past midnight
  );
  const result = readCallLog(text);

  it("reads offered calls by the counting rules, with the arrival at q_start, else vru_exit", () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { log } = result;
    expect(log.format).toBe("anonymous-bank");
    expect(log.rowCount).toBe(10);
    expect(log.days).toEqual(["1999-02-01", "1999-02-02"]);
    expect(log.records.map((r) => [r.line, r.queue, r.callClass, r.answered, r.waitSec, r.talkSec, r.agent])).toEqual([
      [2, "PS", "0", true, 0, 166, "DORIT"],
      [3, "PS", "2", false, 65, Number.NaN, ""],
      [4, "NW", "2", true, 30, 120, "TOVA"],
      [11, "PS", "1", true, 70, 120, "TOVA"],
    ]);
    const first = log.records[0]!;
    expect(first.arrivalSec % 86_400).toBe(7 * 3600 + 2 * 60 + 56);
    // Agent activity comes from ser_start, past midnight on the next day.
    const late = log.records[3]!;
    expect(late.date).toBe("1999-02-02");
    expect(late.answerSec - late.arrivalSec).toBe(70);
  });

  it("counts PHANTOM records, VRU hang-ups and NO_SERVER answers apart", () => {
    if (!result.ok) throw new Error(result.error);
    expect(result.log.setAside).toEqual([
      { reason: "PHANTOM records (not calls)", count: 1 },
      { reason: "hung up in the VRU before reaching the queue (HANG without q_start)", count: 1 },
      { reason: "AGENT records without a real agent (server NO_SERVER)", count: 1 },
    ]);
  });

  it("reports bad rows by line with the reason, and skips them with a count", () => {
    if (!result.ok) throw new Error(result.error);
    expect(result.log.badRowCount).toBe(3);
    expect(result.log.badRows).toEqual([
      { line: 8, reason: 'date "99021"; expected YYMMDD' },
      { line: 9, reason: 'q_time "x"; expected whole seconds ≥ 0' },
      { line: 10, reason: "5 fields; expected 17, tab-separated" },
    ]);
  });

  it("keeps only the days asked for, counting the rest apart", () => {
    const filtered = readCallLog(text, { days: { from: "1999-02-02", to: "1999-02-02" } });
    expect(filtered.ok && filtered.log.records.map((r) => r.line)).toEqual([11]);
    expect(filtered.ok && filtered.log.setAside.at(-1)).toEqual({ reason: "offered calls outside --days 1999-02-02..1999-02-02", count: 3 });
  });

  it("fails with a reason when nothing is usable, listing the bad rows", () => {
    const none = readCallLog(bank(row("AA0101 4 0 0 PS 990201 8:30:00 8:30:05 5 0:00:00 0:00:00 0 PHANTOM 0:00:00 0:00:00 0 NO_SERVER"), "AA\t1"));
    expect(none.ok).toBe(false);
    if (none.ok) return;
    expect(none.error).toBe("no offered calls to use in the anonymous-bank log (2 data rows read; 1 bad; 1 PHANTOM records (not calls)); expected at least one answered or abandoned call");
    expect(none.badRows).toEqual([{ line: 3, reason: "2 fields; expected 17, tab-separated" }]);
    const wrongHeader = readCallLog("vru+line\tq_start\n", { format: "anonymous-bank" });
    expect(!wrongHeader.ok && wrongHeader.error).toMatch(/^line 1: missing fields "call_id", .*expected the anonymous-bank header/);
  });
});

describe("readCallLog, csv format", () => {
  const csv = [
    "call_start,skill,segment,answer_time,end_time,result,rep",
    "2026-03-02T08:00:00,billing,gold,2026-03-02T08:00:12,2026-03-02T08:04:12,answered,A1",
    "2026-03-02T08:01:00,tech,standard,,2026-03-02T08:02:30,abandoned,",
    "2026-03-02T08:02:00,tech,standard,,2026-03-02T08:03:00,transferred,",
    "2026-03-02 08:03,tech,standard,2026-03-02T08:03:30,2026-03-02T08:06:00,ANSWERED,A2",
    "yesterday,tech,standard,,2026-03-02T08:03:00,abandoned,",
    "2026-03-02T08:05:00,tech,standard,,2026-03-02T08:04:00,abandoned,",
    "2026-03-02T08:06:00,tech,standard,,2026-03-02T08:09:00,answered,A1",
    "2026-03-02T08:07:00,,standard,,2026-03-02T08:09:00,abandoned,",
  ].join("\n");
  const columns = parseColumnMap("arrival=call_start, queue=skill,class=segment,answered=answer_time,ended=end_time,outcome=result,agent=rep");

  it("maps the file's columns and reads waits and talk times from the times", () => {
    expect(columns.ok).toBe(true);
    if (!columns.ok) return;
    const result = readCallLog(csv, { columns: columns.columns });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.log.format).toBe("csv");
    expect(result.log.records.map((r) => [r.line, r.queue, r.callClass, r.answered, r.waitSec, r.talkSec, r.agent])).toEqual([
      [2, "billing", "gold", true, 12, 240, "A1"],
      [3, "tech", "standard", false, 90, Number.NaN, ""],
      [5, "tech", "standard", true, 30, 150, "A2"],
    ]);
    expect(result.log.setAside).toEqual([{ reason: 'outcome "transferred" (neither answered nor abandoned)', count: 1 }]);
    expect(result.log.badRows).toEqual([
      { line: 6, reason: 'arrival "yesterday"; expected an ISO date-time such as 2026-11-23T08:00:15' },
      { line: 7, reason: "ended 2026-03-02T08:04:00 is before arrival 2026-03-02T08:05:00; expected ended ≥ arrival" },
      { line: 8, reason: "outcome answered but answered is empty; expected the time an agent answered" },
      { line: 9, reason: "queue is empty; expected the queue's name" },
    ]);
  });

  it("names missing columns and bad --columns and --days entries", () => {
    const missing = readCallLog(csv);
    expect(!missing.ok && missing.error).toMatch(/^line 1: missing columns "arrival", "queue", "answered", "ended", "outcome"; expected columns arrival, queue, answered, ended, outcome \(class and agent optional\), or --columns/);
    expect(parseColumnMap("arrival")).toEqual({ ok: false, error: '--columns entry "arrival"; expected field=column, e.g. arrival=call_start' });
    expect(parseColumnMap("start=x")).toEqual({ ok: false, error: '--columns field "start"; expected one of arrival, queue, class, answered, ended, outcome, agent' });
    expect(parseDayRange("1999-02-01..1999-02-07")).toEqual({ ok: true, days: { from: "1999-02-01", to: "1999-02-07" } });
    expect(parseDayRange("1999-02-07..1999-02-01").ok).toBe(false);
    expect(parseDayRange("February").ok).toBe(false);
  });
});
