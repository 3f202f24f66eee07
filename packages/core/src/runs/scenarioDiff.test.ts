import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { scenarioDiff } from "./scenarioDiff.js";

const file = JSON.parse(readFileSync(new URL("../../../../scenarios/default.json", import.meta.url), "utf8")) as {
  groups: { name: string; shifts: { name: string; start: string; agents: number }[] }[];
  queues: { forecast: { dailyContacts: number[] } }[];
  interventions: { name: string }[];
};

it("scenarioDiff says nothing of two copies of a file, whatever the order of its named lists", () => {
  const copy = structuredClone(file);
  copy.groups[0]!.shifts.reverse();
  expect(scenarioDiff(file, copy)).toEqual([]);
});

it("scenarioDiff names what changed by the names of queues, groups, shifts and interventions, with the values before and after", () => {
  const edited = structuredClone(file);
  const late = edited.groups[0]!.shifts.find((shift) => shift.name === "Late")!;
  late.start = "14:00";
  late.agents += 2;
  edited.queues[0]!.forecast.dailyContacts[1] = 3800;
  const removed = edited.interventions.shift()!;
  edited.interventions.push({ kind: "addAgents", name: "+2 on Early", group: "Service team", shift: "Early", agents: 2 } as never);
  const changes = scenarioDiff(file, edited);
  expect(changes).toContainEqual({ kind: "changed", where: "queue “phone” › forecast › daily contacts 2", before: "3600", after: "3800" });
  expect(changes).toContainEqual({ kind: "changed", where: "group “Service team” › shift “Late” › start", before: "“13:30”", after: "“14:00”" });
  expect(changes).toContainEqual({ kind: "changed", where: "group “Service team” › shift “Late” › agents", before: String(late.agents - 2), after: String(late.agents) });
  expect(changes.find((change) => change.where === `intervention “${removed.name}”`)?.kind).toBe("removed");
  const added = changes.find((change) => change.where === "intervention “+2 on Early”");
  expect(added?.kind).toBe("added");
  expect(added?.after).toBe("kind “addAgents”, group “Service team”, shift “Early”, agents 2");
  expect(changes).toHaveLength(5);
});

it("scenarioDiff counts the changed values of a long list instead of listing them", () => {
  const before = { queues: [{ name: "phone", forecast: { intervalContacts: Array.from({ length: 48 }, () => 10) } }] };
  const after = structuredClone(before);
  after.queues[0]!.forecast.intervalContacts[20] = 12;
  after.queues[0]!.forecast.intervalContacts[21] = 14;
  expect(scenarioDiff(before, after)).toEqual([
    { kind: "changed", where: "queue “phone” › forecast › interval contacts", before: "48 values", after: "48 values, 2 of them changed" },
  ]);
});
