import { describe, expect, it } from "vitest";
import { CLASS_HOURS_ALLOWANCE, parseScenario, scenarioJsonSchema, trainingClassLoad } from "@ccplan/core";
import { defaultScenario } from "./bundled.js";
import { combinedIntervention, duplicateIntervention, KIND_LABELS, newIntervention } from "./interventionTemplates.js";

const kinds = Object.values((scenarioJsonSchema().$defs ?? {}) as Record<string, { properties?: { kind?: { const?: string } } }>)
  .map((definition) => definition.properties?.kind?.const)
  .filter((kind): kind is string => typeof kind === "string");

describe("intervention templates", () => {
  it("has a label for every kind in core's schema", () => {
    expect(kinds.length).toBeGreaterThanOrEqual(12);
    for (const kind of kinds) expect(KIND_LABELS[kind], kind).toBeDefined();
  });

  it("gives each kind a unique name and a scenario core accepts (channel shifts need a second queue)", () => {
    const draft = JSON.parse(defaultScenario().text) as Record<string, unknown> & { interventions: unknown[] };
    for (const kind of kinds) {
      const entry = newIntervention(kind, draft);
      draft.interventions.push(entry);
      const parsed = parseScenario(draft);
      const issues = parsed.ok ? [] : parsed.issues.filter((issue) => !(kind === "channelShift" && issue.path.startsWith(`interventions[${draft.interventions.length - 1}]`)));
      expect(issues, kind).toEqual([]);
      if (kind === "channelShift") draft.interventions.pop();
    }
    const again = newIntervention("training", draft);
    expect(again.name).toBe("Training programme 2");
  });

  it("staggers a new training in weekly cohorts sized to the scenario, so its class weeks dip rather than collapse", () => {
    const draft = JSON.parse(defaultScenario().text) as Record<string, unknown> & { interventions: unknown[] };
    const parsed = parseScenario(draft);
    if (!parsed.ok) throw new Error("the default scenario parses");
    const entry = newIntervention("training", draft, parsed.scenario);
    expect(entry).toEqual({ kind: "training", name: "Training programme", cohorts: { agents: 10 } });
    const withIt = parseScenario({ ...draft, interventions: [entry] });
    if (!withIt.ok) throw new Error(JSON.stringify(withIt.issues));
    expect(trainingClassLoad(withIt.scenario, withIt.scenario.interventions[0] as never).peakShareInClass).toBeLessThanOrEqual(CLASS_HOURS_ALLOWANCE);
    // The combination template's training too; without a valid scenario to size them, the schema's defaults.
    expect((newIntervention("combined", draft, parsed.scenario).interventions as Record<string, unknown>[])[0]).toMatchObject({ kind: "training", cohorts: { agents: 10 } });
    expect(newIntervention("training", draft)).toEqual({ kind: "training", name: "Training programme" });
  });

  it("duplicates under a new name and leaves the original alone", () => {
    const draft = JSON.parse(defaultScenario().text) as Record<string, unknown> & { interventions: Record<string, unknown>[] };
    const first = draft.interventions[0]!;
    const copy = duplicateIntervention(first, draft);
    expect(copy.name).toBe(`${String(first.name)} (copy)`);
    expect({ ...copy, name: first.name }).toEqual(first);
    expect(copy).not.toBe(first);
  });

  it("combines existing interventions into one that core accepts, each part a copy under its own name", () => {
    const draft = JSON.parse(defaultScenario().text) as Record<string, unknown> & { interventions: Record<string, unknown>[] };
    const [first, second] = draft.interventions;
    const combined = combinedIntervention([0, 1], draft);
    expect(combined.kind).toBe("combined");
    expect(combined.name).toBe(`${String(first!.name)} + ${String(second!.name)}`);
    expect(combined.interventions).toEqual([first, second]);
    expect(combined.interventions).not.toBe(draft.interventions);
    draft.interventions.push(combined);
    expect(parseScenario(draft).ok).toBe(true);
    // A combination of a combination lists the parts (core does not nest them), under a fresh name.
    const again = combinedIntervention([draft.interventions.length - 1, 2], draft);
    expect((again.interventions as unknown[]).length).toBe(3);
    draft.interventions.push(again);
    expect(parseScenario(draft).ok).toBe(true);
  });
});
