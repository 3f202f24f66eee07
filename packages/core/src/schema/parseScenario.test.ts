import { describe, expect, it } from "vitest";
import full from "./fixtures/full.json" with { type: "json" };
import minimal from "./fixtures/minimal.json" with { type: "json" };
import { formatScenarioIssues } from "./formatIssues.js";
import { parseScenario, parseScenarioText } from "./parseScenario.js";
import type { ScenarioIssue } from "./scenarioIssue.js";

// A fresh, loosely typed copy of the fixture to break in one place.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const input = (): any => structuredClone(minimal);

function issuesOf(raw: unknown): ScenarioIssue[] {
  const result = parseScenario(raw);
  if (result.ok) throw new Error("expected the scenario to be rejected");
  return result.issues;
}

describe("parseScenario on valid files", () => {
  it("accepts the minimal file and fills in the defaults", () => {
    const result = parseScenario(input());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { scenario } = result;
    expect(scenario.seed).toBe(1);
    expect(scenario.interventions).toEqual([]);
    expect(scenario.resolution).toEqual({ fcr: 1, repeatDelay: { dist: "exponential", meanHours: 24 } });
    expect(scenario.queues[0]!.targetAnswerSec).toBe(20);
    expect(scenario.queues[0]!.targetServiceLevel).toBe(0.8);
    expect(scenario.queues[0]!.forecast).toEqual({ dailyContacts: [480, 240], intradayProfile: "flat", dailyCv: 0 });
    expect(scenario.groups[0]!.shrinkage).toBe(0);
    expect(scenario.groups[0]!.shifts[1]!.breaks).toEqual([]);
  });

  it("accepts a top-level $schema, an interval forecast, a startDate and every intervention kind", () => {
    const raw = input();
    raw.$schema = "./schema.json";
    raw.startDate = "2026-11-23";
    raw.queues[0].forecast = { intervalContacts: Array.from({ length: 48 }, () => 10), dailyCv: 0.1 };
    raw.money = { wagePerHour: 25, hiringCostPerAgent: 3000 };
    raw.interventions = [
      { kind: "addAgents", name: "+2 Day", group: "Agents", shift: "Day", agents: 2 },
      { kind: "addAgents", name: "-5 Day", group: "Agents", shift: "Day", agents: -5 },
      { kind: "removeAgents", name: "-1 Night", group: "Agents", shift: "Night", agents: 1 },
      { kind: "moveShift", name: "Day later", group: "Agents", shift: "Day", minutes: 30 },
      { kind: "lengthenShift", name: "Night shorter", group: "Agents", shift: "Night", hours: -2 },
      { kind: "addShift", name: "Evening", group: "Agents", shift: { name: "Evening", start: "16:00", hours: 6, days: ["mon"], agents: 3 } },
      { kind: "scaleAht", name: "Training", factor: 0.9, description: "10% shorter calls" },
      { kind: "scalePatience", name: "Callback message", factor: 1.2, queue: "phone" },
    ];
    const result = parseScenario(raw);
    expect(result.ok ? "ok" : result.issues).toBe("ok");
    if (result.ok) expect(result.scenario.money?.currency).toBe("USD");
  });

  it("accepts the fixture that uses every field", () => {
    const result = parseScenario(full);
    expect(result.ok ? "ok" : result.issues).toBe("ok");
  });

  it("never mutates its input", () => {
    const raw = input();
    const copy = structuredClone(raw);
    parseScenario(raw);
    expect(raw).toEqual(copy);
  });
});

describe("parseScenario rejects each kind of invalid input with its path and the value found", () => {
  it("wrong type", () => {
    const raw = input();
    raw.groups[0].shifts[0].agents = "5";
    expect(issuesOf(raw)).toEqual([
      { path: "groups[0].shifts[0].agents", message: 'wrong type; expected a number, received "5"', received: '"5"', expected: "a number" },
    ]);
  });

  it("out of range", () => {
    const raw = input();
    raw.groups[0].shrinkage = 1;
    raw.queues[0].handle.meanSec = -3;
    expect(issuesOf(raw)).toEqual([
      { path: "queues[0].handle.meanSec", message: "expected mean in sec > 0; received -3", received: "-3", expected: "a number > 0" },
      { path: "groups[0].shrinkage", message: "too large; expected a number < 1, received 1", received: "1", expected: "a number < 1" },
    ]);
  });

  it("a number that is not whole", () => {
    const raw = input();
    raw.groups[0].shifts[1].agents = 2.5;
    expect(issuesOf(raw)[0]).toMatchObject({ path: "groups[0].shifts[1].agents", message: "not a whole number; expected a whole number, received 2.5" });
  });

  it("unknown key, with the keys that are allowed", () => {
    const raw = input();
    raw.groups[0].shifts[1].agent = 3;
    expect(issuesOf(raw)).toEqual([
      {
        path: "groups[0].shifts[1]",
        message: 'unknown key "agent"; expected one of name, start, hours, days, agents, breaks, ramping, locked',
        received: '{"agent": 3}',
        expected: "one of name, start, hours, days, agents, breaks, ramping, locked",
      },
    ]);
  });

  it("unknown key at the top of the file", () => {
    const raw = input();
    raw.queue = [];
    expect(issuesOf(raw)[0]).toMatchObject({ path: "", message: expect.stringMatching(/^unknown key "queue"; expected one of \$schema, version, name/) });
  });

  it("missing field", () => {
    const raw = input();
    delete raw.name;
    delete raw.queues[0].handle.meanSec;
    expect(issuesOf(raw)).toEqual([
      { path: "name", message: 'missing field "name"; expected a string', received: "nothing", expected: "a string" },
      { path: "queues[0].handle.meanSec", message: 'missing field "meanSec"; expected a number', received: "nothing", expected: "a number" },
    ]);
  });

  it("a value outside an enumeration, and an unknown distribution", () => {
    const raw = input();
    raw.intervalMinutes = 20;
    raw.days[1] = "tuesday";
    raw.queues[0].patience = { dist: "weibull", meanSec: 300 };
    expect(issuesOf(raw).map((issue) => [issue.path, issue.message])).toEqual([
      ["intervalMinutes", "invalid value; expected one of 15, 30, 60, received 20"],
      ["days[1]", 'invalid value; expected one of "mon", "tue", "wed", "thu", "fri", "sat", "sun", received "tuesday"'],
      ["queues[0].patience.dist", 'unknown dist; expected one of exponential, lognormal, gamma, erlang, deterministic, empirical, survival, received "weibull"'],
    ]);
  });

  it("reports the forecast variant the file meant, not both", () => {
    const raw = input();
    raw.queues[0].forecast.intradayProfile = "retail";
    expect(issuesOf(raw)).toEqual([
      {
        path: "queues[0].forecast.intradayProfile",
        message: 'invalid value; expected one of "flat", "retail-weekday", "retail-weekend", "business-hours", received "retail"',
        received: '"retail"',
        expected: 'one of "flat", "retail-weekday", "retail-weekend", "business-hours"',
      },
    ]);
  });

  it("bad time of day and date formats", () => {
    const raw = input();
    raw.groups[0].shifts[0].start = "8:00";
    raw.startDate = "2026-02-30";
    expect(issuesOf(raw).map((issue) => [issue.path, issue.message])).toEqual([
      ["startDate", 'no such day: February 2026 has 28 days; expected a calendar date YYYY-MM-DD, received "2026-02-30"'],
      ["groups[0].shifts[0].start", 'invalid format; expected a time of day HH:MM, 00:00 to 23:59, received "8:00"'],
    ]);
  });

  it("an impossible calendar date says why, and a date of another shape says the format", () => {
    const message = (startDate: string) => {
      const raw = input();
      raw.startDate = startDate;
      return issuesOf(raw).map((issue) => [issue.path, issue.message]);
    };
    expect(message("2026-04-31")).toEqual([["startDate", 'no such day: April 2026 has 30 days; expected a calendar date YYYY-MM-DD, received "2026-04-31"']]);
    expect(message("2026-13-01")).toEqual([["startDate", 'no such month: 13; expected a calendar date YYYY-MM-DD, received "2026-13-01"']]);
    expect(message("2026-12-1")).toEqual([["startDate", 'invalid format; expected a calendar date YYYY-MM-DD, received "2026-12-1"']]);
    // A year before 1900 has the format but is a typing error (Date.UTC would read 0050 as 1950): said once, by name.
    expect(message("0050-01-04")).toEqual([["startDate", 'year 0050 is before 1900 (a year is written in full, like 2026); expected a date YYYY-MM-DD from 1900 on, received "0050-01-04"']]);
    expect(message("0050-02-30")).toEqual([["startDate", 'year 0050 is before 1900 (a year is written in full, like 2026); expected a calendar date YYYY-MM-DD, received "0050-02-30"']]);
  });

  it("a file that is not an object", () => {
    expect(issuesOf([1, 2])).toEqual([{ path: "", message: "wrong type; expected an object, received [1, 2]", received: "[1, 2]", expected: "an object" }]);
    expect(issuesOf(null)[0]!.message).toBe("wrong type; expected an object, received null");
  });
});

describe("parseScenario cross-field checks", () => {
  it("names a queue no group serves and a served queue that does not exist", () => {
    const raw = input();
    raw.groups[0].serves = ["phnoe"];
    expect(issuesOf(raw)).toEqual([
      { path: "groups[0].serves[0]", message: 'unknown queue "phnoe"; expected one of "phone"', received: '"phnoe"', expected: 'one of "phone"' },
      {
        path: "queues[0].name",
        message: 'queue "phone" is not served by any group, so its contacts could never be answered; add it to a group\'s "serves"',
        received: '"phone"',
        expected: "a queue listed in some group's serves",
      },
    ]);
  });

  it("lets a self-service queue go unserved: its contacts need no agent", () => {
    const raw = input();
    raw.queues.push({ ...structuredClone(raw.queues[0]), name: "web", channel: "selfService" });
    expect(parseScenario(raw).ok).toBe(true);
    raw.queues[1].channel = "chat";
    expect(issuesOf(raw).map((issue) => issue.path)).toEqual(["queues[1].name"]);
  });

  it("refuses duplicate names of queues, groups and shifts in a group", () => {
    const raw = input();
    raw.queues.push(structuredClone(raw.queues[0]));
    raw.groups[0].shifts[1].name = "Day";
    expect(issuesOf(raw).map((issue) => [issue.path, issue.message])).toEqual([
      ["queues[1].name", 'duplicate queue name "phone" (also at queues[0]); expected unique names'],
      ["groups[0].shifts[1].name", 'duplicate shift name "Day" in group "Agents" (also at groups[0].shifts[0]); expected unique names'],
    ]);
  });

  it("checks list lengths against the days and intervals", () => {
    const raw = input();
    raw.queues[0].forecast = { dailyContacts: [1, 2, 3], intradayProfile: [1, 2, 3] };
    expect(issuesOf(raw)).toEqual([
      { path: "queues[0].forecast.dailyContacts", message: "3 daily volumes for 2 simulated days; expected one per day", received: "3 entries", expected: "2 entries" },
      {
        path: "queues[0].forecast.intradayProfile",
        message: "3 profile weights; expected one per interval of a day (24 at 60 minutes)",
        received: "3 entries",
        expected: "24 entries",
      },
    ]);
    raw.queues[0].forecast = { dailyContacts: [1, 2], intradayProfile: new Array(24).fill(0) };
    expect(issuesOf(raw)[0]!.message).toBe("the profile weights sum to 0; expected at least one positive weight");
    raw.queues[0].forecast = { dailyContacts: [1, 2], intradayProfile: "flat", intradayProfileByWeekday: { tue: [1, 2], sat: "flat" } };
    expect(issuesOf(raw)[0]).toMatchObject({ path: "queues[0].forecast.intradayProfileByWeekday.tue", received: "2 entries" });
    raw.queues[0].forecast.intradayProfileByWeekday = { tues: "flat" };
    expect(issuesOf(raw)[0]!.message).toBe('unknown key "tues"; expected one of mon, tue, wed, thu, fri, sat, sun');
    raw.queues[0].forecast = { intervalContacts: [1, 2] };
    expect(issuesOf(raw)[0]!.message).toBe("2 interval volumes; expected one per interval of the span (2 days × 24 = 48)");
  });

  it("requires breaks inside their shift, without overlaps, also past midnight", () => {
    const raw = input();
    raw.groups[0].shifts[0].breaks = [
      { start: "12:00", minutes: 30 },
      { start: "12:15", minutes: 15 },
      { start: "15:45", minutes: 30 },
    ];
    raw.groups[0].shifts[1].breaks = [{ start: "02:00", minutes: 30 }];
    expect(issuesOf(raw).map((issue) => [issue.path, issue.message])).toEqual([
      ["groups[0].shifts[0].breaks[2].start", "break at 15:45 for 30 minutes does not fit in the shift (the shift runs 08:00–16:00); expected a break inside the shift"],
      ["groups[0].shifts[0].breaks[1].start", "break at 12:15 overlaps the break at 12:00 (30 minutes); expected breaks that do not overlap"],
    ]);
  });

  it("requires days to follow the calendar from a startDate", () => {
    const raw = input();
    raw.startDate = "2026-11-24";
    expect(issuesOf(raw)).toEqual([
      {
        path: "days[0]",
        message: 'day 1 is "mon" but falls on 2026-11-24, a tue; with a startDate the days must follow the calendar',
        received: '"mon"',
        expected: '"tue"',
      },
    ]);
  });

  it("checks what interventions name and that they leave valid shifts", () => {
    const raw = input();
    raw.interventions = [
      { kind: "addAgents", name: "a", group: "Agent", shift: "Day", agents: 1 },
      { kind: "removeAgents", name: "b", group: "Agents", shift: "Late", agents: 1 },
      { kind: "removeAgents", name: "c", group: "Agents", shift: "Day", agents: 6 },
      { kind: "lengthenShift", name: "d", group: "Agents", shift: "Day", hours: 17 },
      { kind: "lengthenShift", name: "e", group: "Agents", shift: "Day", hours: -4.25 },
      { kind: "scaleAht", name: "f", factor: 0.9, queue: "chat" },
      { kind: "addShift", name: "g", group: "Agents", shift: { name: "Night", start: "20:00", hours: 4, days: ["mon"], agents: 1 } },
      { kind: "moveShift", name: "Baseline", group: "Agents", shift: "Day", minutes: 15 },
      { kind: "moveShift", name: "a", group: "Agents", shift: "Day", minutes: 15 },
    ];
    expect(issuesOf(raw).map((issue) => [issue.path, issue.message])).toEqual([
      ["interventions[8].name", 'duplicate intervention name "a" (also at interventions[0]); expected unique names'],
      ["interventions[0].group", 'unknown group "Agent"; expected one of "Agents"'],
      ["interventions[1].shift", 'group "Agents" has no shift "Late"; expected one of "Day", "Night"'],
      ["interventions[2].agents", 'removing 6 agents from shift "Day", which has 5, leaves -1; expected at most 5'],
      ["interventions[3].hours", 'shift "Day" of 8 hours would last 25 hours; expected a change that leaves between 0 (excluded) and 24 hours'],
      [
        "interventions[4].hours",
        "break at 12:00 for 30 minutes does not fit in the shift once changed to 3.75 hours (the shift runs 08:00–11:45); expected a break inside the shift",
      ],
      ["interventions[5].queue", 'unknown queue "chat"; expected one of "phone"'],
      ["interventions[6].shift.name", 'group "Agents" already has a shift "Night"; expected a new name'],
      ["interventions[7].name", 'an intervention may not be called "Baseline": comparisons use that name for the scenario without interventions'],
    ]);
  });
});

describe("parseScenario size limits", () => {
  it("refuses more than 5 million expected contacts, counting repeats and retries", () => {
    const raw = input();
    raw.queues[0].forecast.dailyContacts = [1_500_000, 1_500_000];
    raw.queues[0].retry = { probability: 0.5, delay: { dist: "exponential", meanSec: 300 } };
    raw.resolution = { fcr: 0.8, repeatDelay: { dist: "exponential", meanHours: 24 } };
    expect(issuesOf(raw)).toEqual([
      {
        path: "queues",
        message:
          "about 6,000,000 contacts expected in one replication: 3,000,000 first contacts and up to 3,000,000 retries and repeats they can bring back (FCR 0.8, retry probability up to 0.5); expected at most 5,000,000: shorten the span, split the scenario or check the volumes, FCR and retries",
        received: "6,000,000 contacts",
        expected: "at most 5,000,000 contacts",
      },
    ]);
    raw.queues[0].retry.probability = 0;
    expect(parseScenario(raw).ok).toBe(true);
  });

  it("refuses more than 20,000 agents of a group at once, also after an intervention", () => {
    const raw = input();
    raw.groups[0].shifts[0].agents = 15_000;
    raw.groups[0].shifts[1].agents = 5_000;
    expect(parseScenario(raw).ok).toBe(true);
    raw.groups[0].shifts[1].start = "15:00";
    expect(parseScenario(raw).ok).toBe(true); // 20,000 at once from 15:00 to 16:00: at the limit, not over
    raw.groups[0].shifts[1].agents = 5_001;
    expect(issuesOf(raw)[0]!.message).toBe('group "Agents" schedules 20,001 agents at once (day 1, mon 15:00); expected at most 20,000 per group');
    raw.groups[0].shifts[1].agents = 5_000;
    raw.interventions = [{ kind: "addAgents", name: "more", group: "Agents", shift: "Night", agents: 1 }];
    expect(issuesOf(raw)).toEqual([
      {
        path: "interventions[0]",
        message: 'group "Agents" schedules 20,001 agents at once (day 1, mon 15:00) in intervention "more"; expected at most 20,000 per group',
        received: "20,001 agents",
        expected: "at most 20,000 agents at once",
      },
    ]);
  });

  it("refuses a span over 92 days", () => {
    const raw = input();
    raw.days = Array.from({ length: 93 }, () => "mon");
    raw.queues[0].forecast.dailyContacts = new Array(93).fill(10);
    expect(issuesOf(raw)[0]).toEqual({ path: "days", message: "too many entries; expected at most 92 entries, received 93 entries", received: "93 entries", expected: "at most 92 entries" });
  });
});

describe("parseScenario lists every problem", () => {
  it("reports structural and cross-field problems together", () => {
    const raw = input();
    raw.groups[0].shifts[1].agent = 3;
    raw.groups[0].shifts[0].agents = 2.5;
    raw.groups[0].serves.push("chat");
    raw.queues[0].forecast.dailyContacts = [1, 2, 3];
    raw.interventions = [{ kind: "addAgents", name: "x", group: "Agents", shift: "Late", agents: 2 }];
    expect(issuesOf(raw).map((issue) => issue.path)).toEqual([
      "groups[0].shifts[0].agents",
      "groups[0].shifts[1]",
      "queues[0].forecast.dailyContacts",
      "groups[0].serves[1]",
      "interventions[0].shift",
    ]);
  });

  it("lists the other problems of a file without a version", () => {
    const raw = input();
    delete raw.version;
    raw.seed = 1.5;
    expect(issuesOf(raw).map((issue) => [issue.path, issue.message])).toEqual([
      ["version", 'missing field "version"; expected 1 (the current scenario format): add "version": 1 at the top of the file'],
      ["seed", "not a whole number; expected a whole number, received 1.5"],
    ]);
  });

  it("stops at a version newer than it understands", () => {
    const raw = input();
    raw.version = 2;
    raw.seed = "x";
    expect(issuesOf(raw)).toEqual([
      {
        path: "version",
        message: "scenario version 2 is newer than this ccplan understands (version 1); expected 1 (the current scenario format): upgrade ccplan to read it",
        received: "2",
        expected: "1 (the current scenario format)",
      },
    ]);
  });
});

describe("parseScenarioText", () => {
  it("parses a valid text", () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(minimal)}`).ok).toBe(true);
  });

  it("reports a JSON syntax error with its line and column", () => {
    const text = '{\n  "version": 1,\n  "name": "x",\n}\n';
    expect(parseScenarioText(text)).toEqual({
      ok: false,
      issues: [{ path: "", message: 'invalid JSON at line 4, column 1: unexpected "}"; expected a key in double quotes (a comma before } is not allowed)', received: "}", expected: "valid JSON" }],
    });
  });
});

describe("formatScenarioIssues", () => {
  it("prints one issue per entry with its path, as the CLI shows it", () => {
    const raw = input();
    raw.groups[0].shifts[1].agent = 3;
    raw.queue = 1;
    expect(formatScenarioIssues(issuesOf(raw), "scenarios/peak.json")).toBe(
      [
        "scenarios/peak.json is not a valid scenario:",
        '✖ unknown key "agent"; expected one of name, start, hours, days, agents, breaks, ramping, locked',
        "  → at groups[0].shifts[1]",
        '✖ unknown key "queue"; expected one of $schema, version, name, description, seed, intervalMinutes, days, startDate, queues, groups, resolution, experience, money, interventions, capacity',
      ].join("\n"),
    );
  });
});
