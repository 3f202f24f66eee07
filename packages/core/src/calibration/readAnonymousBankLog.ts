import { LogTally, type CallRecord } from "./callLog.js";
import { DAY_SEC, dateWallSec, parseClock, wallDate } from "./wallClock.js";

/** The fields of the "Anonymous Bank" call log (Technion SEE Lab), tab-separated, in any order. */
export const ANONYMOUS_BANK_FIELDS = [
  "vru+line",
  "call_id",
  "customer_id",
  "priority",
  "type",
  "date",
  "vru_entry",
  "vru_exit",
  "vru_time",
  "q_start",
  "q_exit",
  "q_time",
  "outcome",
  "ser_start",
  "ser_exit",
  "ser_time",
  "server",
] as const;

/** "0:00:00" in the log means that the step did not happen. */
const DID_NOT_HAPPEN = "0:00:00";

export const SET_ASIDE = {
  phantom: "PHANTOM records (not calls)",
  vruHangUp: "hung up in the VRU before reaching the queue (HANG without q_start)",
  noServer: "AGENT records without a real agent (server NO_SERVER)",
} as const;

/**
 * Reads the "Anonymous Bank" call log as it is published (tab-separated, CRLF or LF line ends, a header naming the
 * 17 fields; times H:MM:SS, dates YYMMDD, durations in seconds; `0:00:00` = did not happen), by the counting rules:
 * - an offered call entered the agent queue (`q_start` set) or was put straight through to an agent; it is offered
 *   at `q_start`, else at `vru_exit`;
 * - PHANTOM records, hang-ups in the VRU (HANG without `q_start`) and AGENT records whose server is NO_SERVER are
 *   not offered calls: they are counted apart (`setAside`);
 * - answered = outcome AGENT, abandoned = HANG after entering the queue; the wait is `q_time` (0 when put straight
 *   through); the talk time is `ser_time` (NaN when the record has no `ser_start`), the agent's activity runs from
 *   `ser_start` for `ser_time` seconds; the queue is `type`, the class `priority`; all types share one agent pool
 *   (the calibration pools them);
 * - a time earlier in the day than the step before it is taken to be after midnight; the call still counts in the day
 *   of its date column (in that day's last interval).
 * Rows it cannot read (wrong number of fields, an unreadable date, time or duration, another outcome) are reported
 * by line with the reason. Returns the records in file order.
 */
export function readAnonymousBankRows(text: string, tally: LogTally): { records: CallRecord[]; rowCount: number } | { error: string } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t").map((name) => name.trim());
  const missing = ANONYMOUS_BANK_FIELDS.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    return {
      error: `line 1: missing field${missing.length > 1 ? "s" : ""} ${missing.map((name) => `"${name}"`).join(", ")}; expected the anonymous-bank header (${ANONYMOUS_BANK_FIELDS.length} tab-separated fields: ${ANONYMOUS_BANK_FIELDS.join(", ")})`,
    };
  }
  const at = Object.fromEntries(ANONYMOUS_BANK_FIELDS.map((name) => [name, header.indexOf(name)])) as Record<(typeof ANONYMOUS_BANK_FIELDS)[number], number>;
  const records: CallRecord[] = [];
  let rowCount = 0;
  for (let index = 1; index < lines.length; index++) {
    const text = lines[index]!;
    if (text.trim() === "") continue;
    rowCount++;
    const line = index + 1;
    const fields = text.split("\t");
    if (fields.length !== header.length) {
      tally.bad(line, `${fields.length} field${fields.length === 1 ? "" : "s"}; expected ${header.length}, tab-separated`);
      continue;
    }
    const field = (name: (typeof ANONYMOUS_BANK_FIELDS)[number]) => fields[at[name]]!.trim();
    const outcome = field("outcome");
    if (outcome === "PHANTOM") {
      tally.setAside(SET_ASIDE.phantom);
      continue;
    }
    if (outcome !== "AGENT" && outcome !== "HANG") {
      tally.bad(line, `outcome "${outcome}"; expected AGENT, HANG or PHANTOM`);
      continue;
    }
    const qStartText = field("q_start");
    const queued = qStartText !== DID_NOT_HAPPEN;
    if (outcome === "HANG" && !queued) {
      tally.setAside(SET_ASIDE.vruHangUp);
      continue;
    }
    const server = field("server");
    if (outcome === "AGENT" && server === "NO_SERVER") {
      tally.setAside(SET_ASIDE.noServer);
      continue;
    }
    const dateText = field("date");
    const dateMatch = /^(\d{2})(\d{2})(\d{2})$/.exec(dateText);
    const midnight = dateMatch ? dateWallSec(yearOf(Number(dateMatch[1])), Number(dateMatch[2]), Number(dateMatch[3])) : Number.NaN;
    if (Number.isNaN(midnight)) {
      tally.bad(line, `date "${dateText}"; expected YYMMDD`);
      continue;
    }
    const clock = (name: (typeof ANONYMOUS_BANK_FIELDS)[number]) => {
      const value = parseClock(field(name));
      if (Number.isNaN(value)) tally.bad(line, `${name} "${field(name)}"; expected a time H:MM:SS`);
      return value;
    };
    const vruEntry = clock("vru_entry");
    if (Number.isNaN(vruEntry)) continue;
    const offeredText = queued ? "q_start" : "vru_exit";
    if (!queued && field("vru_exit") === DID_NOT_HAPPEN) {
      tally.bad(line, "no q_start and no vru_exit; expected one of them, to tell when the call was offered");
      continue;
    }
    const offeredClock = clock(offeredText);
    if (Number.isNaN(offeredClock)) continue;
    const waitText = field("q_time");
    const waitSec = queued ? Number(waitText) : 0;
    if (!(Number.isInteger(waitSec) && waitSec >= 0)) {
      tally.bad(line, `q_time "${waitText}"; expected whole seconds ≥ 0`);
      continue;
    }
    const arrivalSec = midnight + offeredClock + (offeredClock < vruEntry ? DAY_SEC : 0);
    let talkSec = Number.NaN;
    const answered = outcome === "AGENT";
    // The agent's activity is read from ser_start and ser_time (not from the wait), so that agents on the floor
    // are inferred from what agents did, whatever the waits say.
    let answerSec = answered ? arrivalSec + waitSec : Number.NaN;
    if (answered && field("ser_start") !== DID_NOT_HAPPEN) {
      const serviceClock = clock("ser_start");
      if (Number.isNaN(serviceClock)) continue;
      const talkText = field("ser_time");
      talkSec = Number(talkText);
      if (!(Number.isInteger(talkSec) && talkSec >= 0)) {
        tally.bad(line, `ser_time "${talkText}"; expected whole seconds ≥ 0`);
        continue;
      }
      // On the arrival's day; a start more than 12 hours before the arrival is after the next midnight.
      answerSec = midnight + serviceClock + (arrivalSec - midnight >= DAY_SEC ? DAY_SEC : 0);
      if (answerSec < arrivalSec - DAY_SEC / 2) answerSec += DAY_SEC;
    }
    records.push({
      line,
      arrivalSec,
      // The day the ACD files the call under (its date column), even when it reached the queue after midnight.
      date: wallDate(midnight),
      queue: field("type"),
      callClass: field("priority"),
      answered,
      waitSec,
      talkSec,
      agent: answered ? server : "",
      answerSec,
      endSec: answered ? answerSec + (Number.isNaN(talkSec) ? 0 : talkSec) : arrivalSec + waitSec,
    });
  }
  return { records, rowCount };
}

/** Two-digit years: 70–99 are 1970–1999, 00–69 are 2000–2069. */
function yearOf(twoDigits: number): number {
  return twoDigits >= 70 ? 1900 + twoDigits : 2000 + twoDigits;
}

/** Whether a file's first line looks like the anonymous-bank header (to pick the format when none is given). */
export function looksLikeAnonymousBank(firstLine: string): boolean {
  return firstLine.includes("\t") && firstLine.includes("vru+line") && firstLine.includes("q_start");
}
