import { describe, expect, it } from "vitest";
import { interventionSchema, type Intervention } from "../schema/intervention.js";
import { interventionLevers } from "./interventionLevers.js";
import { unchangedReason } from "./unchangedReason.js";

const levers = (input: Record<string, unknown>) => interventionLevers(interventionSchema.parse(input) as Intervention);

describe("unchangedReason", () => {
  it("says a satisfaction-only training changes what the queue does not depend on, and what it leaves", () =>
    expect(unchangedReason(levers({ kind: "training", name: "T", satisfactionChange: 0.12 }))).toBe(
      "as entered it changes satisfaction, which the queue does not depend on, and not handle time or first-contact resolution (with it, repeat contacts)",
    ));

  it("says an option entered with no effect changes nothing, naming what it could", () =>
    expect(unchangedReason(levers({ kind: "training", name: "T" }))).toBe(
      "as entered it changes nothing, not handle time, first-contact resolution (with it, repeat contacts) or satisfaction",
    ));

  it("lists every lever moved, and leaves out unmoved levers the queue does not depend on once something moves", () =>
    expect(unchangedReason(levers({ kind: "feedbackChannels", name: "F", satisfactionChange: 0.15, surveyResponseChange: 0.1 }))).toBe(
      "as entered it changes satisfaction and how many customers answer the survey, which the queue does not depend on",
    ));

  it("gives no reason for an option that moves the queue: a queue figure it leaves as it was is so for another reason", () => {
    expect(unchangedReason(levers({ kind: "training", name: "T", ahtChange: -0.08, satisfactionChange: 0.12 }))).toBeNull();
    expect(unchangedReason(levers({ kind: "addAgents", name: "A", group: "g", shift: "s", agents: 2 }))).toBeNull();
  });
});
