import { describe, expect, it } from "vitest";
import full from "../schema/fixtures/full.json" with { type: "json" };
import { interventionSchema, type Intervention } from "../schema/intervention.js";
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario } from "../schema/scenario.js";
import { applyIntervention } from "./applyIntervention.js";
import { MAX_CLASS_SHRINKAGE } from "./applyTraining.js";
import { interventionStageAtWeek, interventionTimeline, STEADY_STATE, trainingCohorts } from "./interventionTimeline.js";

function baseline(): Scenario {
  const result = parseScenario({ ...full, interventions: [] });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

/** An intervention from its file form, defaults filled in as parseScenario would. */
const parsed = (input: Record<string, unknown>): Intervention => interventionSchema.parse(input);

// The fixture's agent-hours a week: Phone team 10 × 8.5 × 5 + 8 × 9 × 5 + 2 × 8 × 3 = 833; Chat team 4 × 8 × 2 = 64.
const PHONE_HOURS = 833;
const CHAT_HOURS = 64;

describe("training", () => {
  const training = parsed({ kind: "training", name: "Coaching", groups: ["Phone team"], ahtChange: -0.1, fcrChange: 0.05, costPerTrainee: 450, hoursOffFloor: 16 });

  it("parses with no satisfaction effect of its own (no article outcome as a default) and the documented timing defaults", () => {
    expect(training).toMatchObject({ satisfactionChange: 0, classWeeks: 1, learningCurveWeeks: 4, oneOffCost: 0 });
    // Nothing is appended to the experience model, so CSAT moves only through the wait, the AHT and the FCR.
    const scenario = { ...baseline(), experience: { effects: [] } } as unknown as Scenario;
    expect((applyIntervention(scenario, training).scenario as unknown as { experience: { effects: unknown[] } }).experience.effects).toEqual([]);
  });

  it("at full effect scales handle times by the trained share of each queue's agent-hours and moves FCR by the trained share", () => {
    const scenario = baseline();
    const { scenario: after } = applyIntervention(scenario, training);
    // Phone is served by the Phone team only: the full −10%.
    expect(after.queues[0]!.handle).toEqual({ dist: "lognormal", meanSec: 270, cv: 0.9 });
    // Chat is served by both teams: −10% × 833 / 897.
    expect((after.queues[1]!.handle as { meanSec: number }).meanSec).toBeCloseTo(420 * (1 - (0.1 * PHONE_HOURS) / (PHONE_HOURS + CHAT_HOURS)), 10);
    expect(after.resolution.fcr).toBeCloseTo(0.78 + (0.05 * PHONE_HOURS) / (PHONE_HOURS + CHAT_HOURS), 12);
    expect(after.groups).toBe(scenario.groups);
  });

  it("in class adds the hours off the floor to the trained group's shrinkage and has no effect yet", () => {
    const scenario = baseline();
    const { scenario: after } = applyIntervention(scenario, training, { effect: 0, inClass: true });
    // 20 people work 833 h a week, 41.65 h each; 16 h in class is 38.4% of it: 1 − 0.88 × (1 − 16/41.65).
    expect(after.groups[0]!.shrinkage).toBeCloseTo(1 - 0.88 * (1 - 16 / (PHONE_HOURS / 20)), 12);
    expect(after.groups[1]).toBe(scenario.groups[1]);
    expect(after.queues).toBe(scenario.queues);
    expect(after.resolution).toBe(scenario.resolution);
  });

  it("never leaves less than 5% of the floor while in class", () => {
    const heavy = parsed({ kind: "training", name: "Bootcamp", hoursOffFloor: 200 });
    const { scenario: after } = applyIntervention(baseline(), heavy, { effect: 0, inClass: true });
    expect(after.groups.map((group) => group.shrinkage)).toEqual([MAX_CLASS_SHRINKAGE, MAX_CLASS_SHRINKAGE]);
  });

  it("prices every agent of the trained groups as a trainee, once", () => {
    const scenario = baseline();
    expect(applyIntervention(scenario, training).costLines).toEqual([{ label: "Coaching: 20 trainees × 450", kind: "oneOff", amount: 9000, currency: "EUR" }]);
    const everyone = parsed({ kind: "training", name: "All", costPerTrainee: 100, oneOffCost: 5000 });
    expect(applyIntervention(scenario, everyone).costLines.map((line) => [line.kind, line.amount])).toEqual([
      ["oneOff", 2400],
      ["oneOff", 5000],
    ]);
  });

  it("appends its satisfaction effect, scaled by the stage and the trained share, when the scenario has an experience section", () => {
    const scenario = { ...baseline(), experience: { effects: [{ name: "earlier", relativeChange: 0.01, source: "x" }] } } as Scenario;
    const withEffect = parsed({ ...training, satisfactionChange: 0.12, source: "article 000_84b7cbeb28961648 (product-knowledge training, satisfaction +12%)" });
    const { scenario: after } = applyIntervention(scenario, withEffect, { effect: 0.5, inClass: false });
    const effects = (after as unknown as { experience: { effects: { name: string; relativeChange: number; source: string }[] } }).experience.effects;
    expect(effects).toHaveLength(2);
    expect(effects[1]!.name).toBe("Coaching");
    expect(effects[1]!.relativeChange).toBeCloseTo((0.12 * 0.5 * PHONE_HOURS) / (PHONE_HOURS + CHAT_HOURS), 12);
    expect(effects[1]!.source).toBe("article 000_84b7cbeb28961648 (product-knowledge training, satisfaction +12%)");
    // Without an experience section there is nothing to attach it to.
    const { experience: _none, ...without } = scenario as Scenario & { experience?: unknown };
    expect("experience" in applyIntervention(without as Scenario, withEffect).scenario).toBe(false);
  });

  it("throws on a group the scenario lacks", () => {
    expect(() => applyIntervention(baseline(), parsed({ kind: "training", name: "T", groups: ["Nobody"] }))).toThrow(
      'invalid intervention "T": unknown group "Nobody"; expected one of "Phone team", "Chat team"',
    );
  });
});

describe("processChange", () => {
  it("has no effect of its own by default (the article's −30% is a preset, not a default input)", () => {
    const change = parsed({ kind: "processChange", name: "Fast lane" });
    expect(change).toMatchObject({ resolutionTimeChange: 0, fcrChange: 0, ahtChange: 0 });
    const scenario = baseline();
    expect(applyIntervention(scenario, change).scenario.resolution).toEqual(scenario.resolution);
  });

  it("shortens the resolution time by the change entered and prices its costs", () => {
    const scenario = baseline();
    const change = parsed({ kind: "processChange", name: "Fast lane", resolutionTimeChange: -0.3, oneOffCost: 20_000, perMonthCost: 500, fcrChange: 0.02 });
    const { scenario: after, costLines } = applyIntervention(scenario, change);
    expect(after.resolution.resolutionTime).toEqual({ dist: "lognormal", meanHours: 14, cv: 1.2 });
    expect(after.resolution.fcr).toBeCloseTo(0.8, 12);
    expect(after.queues).toBe(scenario.queues);
    expect(costLines).toEqual([
      { label: "Fast lane: one-off cost", kind: "oneOff", amount: 20_000, currency: "EUR" },
      { label: "Fast lane: cost per month", kind: "perMonth", amount: 500, currency: "EUR" },
    ]);
  });

  it("has no effect while being implemented, and refuses a scenario without a resolution time", () => {
    const scenario = baseline();
    const change = parsed({ kind: "processChange", name: "Fast lane", resolutionTimeChange: -0.3, implementationWeeks: 3 });
    expect(applyIntervention(scenario, change, { effect: 0, inClass: false }).scenario).toBe(scenario);
    const withoutTime = { ...scenario, resolution: { ...scenario.resolution, resolutionTime: undefined } };
    expect(() => applyIntervention(withoutTime, change)).toThrow(/has no resolution.resolutionTime/);
  });
});

describe("channelShift", () => {
  it("moves a share of the daily phone forecast into the chat queue's interval forecast, interval by interval", () => {
    const scenario = baseline();
    const shift = parsed({ kind: "channelShift", name: "Chat first", from: "phone", to: "chat", share: 0.2, perMonthCost: 300 });
    const { scenario: after, costLines } = applyIntervention(scenario, shift);
    const phone = after.queues[0]!.forecast as { dailyContacts: number[] };
    expect(phone.dailyContacts.map((value) => Math.round(value * 1e9) / 1e9)).toEqual([240, 960, 880]);
    const chatBefore = (scenario.queues[1]!.forecast as { intervalContacts: number[] }).intervalContacts;
    const chatAfter = (after.queues[1]!.forecast as { intervalContacts: number[] }).intervalContacts;
    const added = chatAfter.reduce((sum, value) => sum + value, 0) - chatBefore.reduce((sum, value) => sum + value, 0);
    expect(added).toBeCloseTo(0.2 * 2600, 9);
    // Nothing is added at 03:00, when the retail profile has no phone calls.
    expect(chatAfter[6]).toBe(chatBefore[6]);
    expect(costLines.map((line) => [line.kind, line.amount])).toEqual([["perMonth", 300]]);
  });

  it("moves interval contacts into a daily forecast by summing them per day, and half as many at half adoption", () => {
    const scenario = baseline();
    const back = parsed({ kind: "channelShift", name: "Back", from: "chat", to: "phone", share: 0.5, rampWeeks: 4 });
    const { scenario: after } = applyIntervention(scenario, back, { effect: 0.5, inClass: false });
    const chatDay = (full.queues[1]!.forecast as { intervalContacts: number[] }).intervalContacts.slice(48, 96).reduce((sum, value) => sum + value, 0);
    const phone = after.queues[0]!.forecast as { dailyContacts: number[] };
    expect(phone.dailyContacts[1]).toBeCloseTo(1200 + 0.25 * chatDay, 9);
  });

  it("throws on an unknown queue or a shift from a queue to itself", () => {
    const scenario = baseline();
    expect(() => applyIntervention(scenario, parsed({ kind: "channelShift", name: "X", from: "phone", to: "fax", share: 0.1 }))).toThrow(
      'invalid intervention "X": unknown queue "fax"; expected one of "phone", "chat"',
    );
    expect(() => applyIntervention(scenario, parsed({ kind: "channelShift", name: "Y", from: "phone", to: "phone", share: 0.1 }))).toThrow(/to itself/);
  });
});

describe("feedbackChannels", () => {
  it("adds its satisfaction effect (the article's +15% when entered; none by default), scales the survey response rate and prices its costs", () => {
    const scenario = { ...baseline(), experience: { effects: [], surveyResponseRate: 0.2 } } as unknown as Scenario;
    const plain = parsed({ kind: "feedbackChannels", name: "Phone, chat and email", surveyResponseChange: 0.5 });
    expect((applyIntervention(scenario, plain).scenario as unknown as { experience: { effects: unknown[] } }).experience.effects).toEqual([]);
    const feedback = parsed({
      kind: "feedbackChannels",
      name: "Phone, chat and email",
      satisfactionChange: { uncertain: "triangular", low: 0.075, mode: 0.15, high: 0.225, grade: "article" },
      source: "article 000_84b7cbeb28961648 (multi-channel feedback, satisfaction +15%)",
      surveyResponseChange: 0.5,
      oneOffCost: 8000,
    });
    const { scenario: after, costLines } = applyIntervention(scenario, feedback);
    const experience = (after as unknown as { experience: { effects: unknown[]; surveyResponseRate: number } }).experience;
    expect(experience.effects).toEqual([{ name: "Phone, chat and email", relativeChange: 0.15, source: "article 000_84b7cbeb28961648 (multi-channel feedback, satisfaction +15%)" }]);
    expect(experience.surveyResponseRate).toBeCloseTo(0.3, 12);
    expect(costLines).toEqual([{ label: "Phone, chat and email: one-off cost", kind: "oneOff", amount: 8000, currency: "EUR" }]);
  });
});

describe("money on staffing interventions", () => {
  it("adds management overhead per week and technology per seat per month when they are set", () => {
    const scenario = baseline();
    const priced = { ...scenario, money: { ...scenario.money!, managementOverhead: 0.15, technologyPerSeatPerMonth: 120 } };
    const { costLines } = applyIntervention(priced, { kind: "addAgents", name: "+4", group: "Phone team", shift: "Late", agents: 4 });
    expect(costLines.map((line) => [line.kind, line.amount])).toEqual([
      ["perWeek", 4320],
      ["perWeek", 4320 * 0.15],
      ["oneOff", 14_000],
      ["perMonth", 480],
    ]);
  });
});

describe("combined", () => {
  const combined = parsed({
    kind: "combined",
    name: "Train and hire",
    interventions: [
      { kind: "addAgents", name: "+4 on Late", group: "Phone team", shift: "Late", agents: 4 },
      { kind: "training", name: "Coaching", ahtChange: -0.1, costPerTrainee: 100 },
    ],
  });

  it("applies its list in order (the new hires are trained too) and adds up the cost lines", () => {
    const scenario = baseline();
    const { scenario: after, costLines } = applyIntervention(scenario, combined);
    expect(after.groups[0]!.shifts[1]!.agents).toBe(12);
    expect(after.queues[0]!.handle).toEqual({ dist: "lognormal", meanSec: 270, cv: 0.9 });
    expect(costLines.map((line) => [line.label, line.amount])).toEqual([
      ["Train and hire: +4 on Late: +4 agents on Late (9 h × 5 days): wages", 4320],
      ["Train and hire: +4 on Late: +4 agents on Late (9 h × 5 days): hiring", 14_000],
      ["Train and hire: Coaching: 28 trainees × 100", 2800],
    ]);
  });

  it("runs its parts' timelines side by side and gives each part its own stage", () => {
    const timeline = interventionTimeline(combined);
    expect(timeline.map((phase) => [phase.label, phase.startWeek, phase.weeks])).toEqual([
      ["Coaching: in class", 0, 1],
      ["Coaching: learning curve 25%", 1, 2],
      ["Coaching: learning curve 75%", 3, 2],
      ["steady state", 5, Infinity],
    ]);
    const inClass = applyIntervention(baseline(), combined, timeline[0]!.stage).scenario;
    expect(inClass.groups[0]!.shifts[1]!.agents).toBe(12);
    expect(inClass.queues[0]!.handle).toEqual(baseline().queues[0]!.handle);
    expect(inClass.groups[0]!.shrinkage).toBeGreaterThan(0.12);
  });
});

describe("interventionTimeline", () => {
  it("puts a staffing change in its steady state from week 0", () => {
    expect(interventionTimeline({ kind: "addAgents", name: "+1", group: "g", shift: "s", agents: 1 })).toEqual([
      { label: "steady state", startWeek: 0, weeks: Infinity, stage: STEADY_STATE },
    ]);
  });

  it("cuts a learning curve into at most three pieces simulated at their mean effect", () => {
    const six = interventionTimeline(parsed({ kind: "training", name: "T", learningCurveWeeks: 6, classWeeks: 2 }));
    expect(six.map((phase) => [phase.label, phase.startWeek, phase.weeks, phase.stage.effect, phase.stage.inClass])).toEqual([
      ["in class", 0, 2, 0, true],
      ["learning curve 17%", 2, 2, 1 / 6, false],
      ["learning curve 50%", 4, 2, 0.5, false],
      ["learning curve 83%", 6, 2, 5 / 6, false],
      ["steady state", 8, Infinity, 1, false],
    ]);
    const one = interventionTimeline(parsed({ kind: "feedbackChannels", name: "F", rampWeeks: 1 }));
    expect(one.map((phase) => [phase.label, phase.weeks, phase.stage.effect])).toEqual([
      ["adoption 50%", 1, 0.5],
      ["steady state", Infinity, 1],
    ]);
  });

  it("leaves out the class when nobody leaves the floor, and waits out a process change's implementation", () => {
    expect(interventionTimeline(parsed({ kind: "training", name: "T", hoursOffFloor: 0, learningCurveWeeks: 0 })).map((phase) => phase.label)).toEqual(["steady state"]);
    expect(interventionTimeline(parsed({ kind: "processChange", name: "P", implementationWeeks: 3 })).map((phase) => [phase.label, phase.weeks, phase.stage.effect])).toEqual([
      ["implementation", 3, 0],
      ["steady state", Infinity, 1],
    ]);
  });
});

describe("hires over time: addAgents with leadWeeks and rampWeeks", () => {
  const hire = parsed({ kind: "addAgents", name: "+4 class", group: "Phone team", shift: "Late", agents: 4, leadWeeks: 6, rampWeeks: 4, rampStartProductivity: 0.6 });

  it("is absent while recruited, then ramps up in pieces at their mean productivity", () => {
    const timeline = interventionTimeline(hire);
    expect(timeline.map((phase) => [phase.label, phase.startWeek, phase.weeks, phase.stage.effect, phase.stage.present])).toEqual([
      ["recruiting", 0, 6, 0, false],
      ["ramp-up 25%", 6, 2, 0.25, undefined],
      ["ramp-up 75%", 8, 2, 0.75, undefined],
      ["steady state", 10, Infinity, 1, undefined],
    ]);
    const scenario = baseline();
    const [recruiting, early, late] = timeline.map((phase) => applyIntervention(scenario, hire, phase.stage).scenario);
    expect(recruiting).toBe(scenario);
    // 8 + 4 on Late, the 4 at 0.6 + 0.4 × 0.25 = 70% in the first piece, 90% in the second.
    const late0 = (s: Scenario) => s.groups[0]!.shifts[1]!;
    expect(late0(early!)).toMatchObject({ agents: 12, ramping: [{ agents: 4, productivity: 0.7 }] });
    expect(late0(late!).ramping![0]!.productivity).toBeCloseTo(0.9, 12);
    expect(late0(applyIntervention(scenario, hire).scenario)).toMatchObject({ agents: 12 });
    expect(late0(applyIntervention(scenario, hire).scenario).ramping).toBeUndefined();
  });

  it("pays wages from arrival and hiring at the start", () => {
    const { costLines } = applyIntervention(baseline(), hire);
    expect(costLines.map((line) => [line.kind, line.amount, line.fromWeek])).toEqual([
      ["perWeek", 4320, 6],
      ["oneOff", 14_000, undefined],
    ]);
  });

  it("week by week: absent for the lead weeks, then the ramp averaged over each week", () => {
    const stages = [0, 5, 6, 7, 9, 10, 20].map((week) => interventionStageAtWeek(hire, week));
    expect(stages.map((stage) => stage.present)).toEqual([false, false, undefined, undefined, undefined, undefined, undefined]);
    expect(stages.slice(2).map((stage) => stage.effect)).toEqual([0.125, 0.375, 0.875, 1, 1]);
  });
});

describe("training in cohorts", () => {
  const cohorts = parsed({ kind: "training", name: "Cohorts", hoursOffFloor: 16, classWeeks: 1, learningCurveWeeks: 2, cohorts: { share: 0.25 } });

  it("spreads the class: a quarter of the trainees in class each week for four weeks, the effect growing cohort by cohort", () => {
    const weeks = [0, 1, 2, 3, 4, 5, 6].map((week) => interventionStageAtWeek(cohorts, week));
    expect(weeks.map((stage) => stage.classShare ?? 0)).toEqual([0.25, 0.25, 0.25, 0.25, 0, 0, 0]);
    // Cohort i learns over weeks i + 1 … i + 3: its mean effect in those weeks is 1/4 and 3/4.
    const expected = [0, 0.25 * 0.25, 0.25 * (0.75 + 0.25), 0.25 * (1 + 0.75 + 0.25), 0.25 * (1 + 1 + 0.75 + 0.25), 0.25 * (3 + 0.75), 1];
    weeks.forEach((stage, week) => expect(stage.effect).toBeCloseTo(expected[week]!, 12));
  });

  it("takes a quarter of the class's hours off the floor in a cohort week", () => {
    const scenario = baseline();
    const all = applyIntervention(scenario, { ...cohorts, cohorts: undefined } as Intervention, { effect: 0, inClass: true }).scenario;
    const quarter = applyIntervention(scenario, cohorts, interventionStageAtWeek(cohorts, 0)).scenario;
    const extra = (s: Scenario) => 1 - (1 - s.groups[0]!.shrinkage) / (1 - 0.12);
    expect(extra(quarter)).toBeCloseTo(extra(all) / 4, 12);
  });

  it("cuts the transition into pieces for compare, at their mean stage", () => {
    const timeline = interventionTimeline(cohorts, baseline());
    // Cohorts start in weeks 0…3, each 1 week in class and 2 of learning: the last is at full effect in week 6.
    expect(timeline.map((phase) => [phase.startWeek, phase.weeks])).toEqual([[0, 2], [2, 2], [4, 2], [6, Infinity]]);
    expect(timeline[0]!.stage.classShare).toBeCloseTo(0.25, 12);
    expect(timeline[2]!.stage.classShare).toBeUndefined();
    // Weeks 2 and 3 (effects 0.25 and 0.5 week by week, as above): their mean.
    expect(timeline[1]!.stage.effect).toBeCloseTo(0.375, 12);
  });

  it("starts the steady state at the transition's span exactly, however the pieces' lengths round", () => {
    // 8 cohorts, 1 week in class, 6 of learning: 14 weeks in 6 pieces of 14/6, which add up to 14.000000000000002.
    const long = parsed({ kind: "training", name: "Long", hoursOffFloor: 16, classWeeks: 1, learningCurveWeeks: 6, cohorts: { share: 0.125 } });
    const timeline = interventionTimeline(long, baseline());
    expect(timeline).toHaveLength(7);
    expect(timeline.at(-1)!.startWeek).toBe(14);
    expect(timeline.at(-2)!.startWeek + timeline.at(-2)!.weeks).toBeCloseTo(14, 12);
  });

  it("sizes cohorts given as agents by the trained groups' headcount", () => {
    // The Phone team has 10 + 8 + 2 = 20 agents: 8 a week is 3 cohorts of 40%, 40% and 20%.
    const byAgents = parsed({ kind: "training", name: "C", groups: ["Phone team"], cohorts: { agents: 8 } });
    expect(trainingCohorts(byAgents as Extract<Intervention, { kind: "training" }>, baseline()).map((cohort) => cohort.share)).toEqual([0.4, 0.4, 0.19999999999999996]);
  });
});
