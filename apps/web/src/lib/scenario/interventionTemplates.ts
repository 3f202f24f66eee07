import { trainingTemplate, type Scenario } from "@ccplan/core";
import { isObject, type Draft } from "./draft.js";
import { uniqueName } from "./uniqueName.js";

/** What each kind of intervention is called on screen, and what it is for. Kinds core adds later get their id. */
export const KIND_LABELS: Record<string, { label: string; help: string }> = {
  addAgents: { label: "Add agents to a shift", help: "More (or, negative, fewer) agents on every day a shift works; hiring is priced." },
  removeAgents: { label: "Remove agents from a shift", help: "Fewer agents on a shift, e.g. to see what a cut costs in service." },
  moveShift: { label: "Move a shift", help: "The same people earlier or later; breaks move with the shift. Costs nothing." },
  lengthenShift: { label: "Lengthen or shorten a shift", help: "Hours added at the end of a shift (negative shortens); wages follow." },
  addShift: { label: "Add a shift", help: "A new shift in a group, e.g. evening part-timers." },
  scaleAht: { label: "Change handle time", help: "Multiply the mean handle time, e.g. 0.9 after a new knowledge base." },
  scalePatience: { label: "Change callers' patience", help: "Multiply how long callers wait before hanging up." },
  training: { label: "Training programme", help: "Class time off the floor, then AHT, FCR and satisfaction gains over a learning curve." },
  processChange: { label: "Process change", help: "Shorter resolution times (fewer approval steps), optionally better FCR and AHT." },
  channelShift: { label: "Move contacts to another channel", help: "A share of one queue's contacts moves to another queue (chat, self-service)." },
  feedbackChannels: { label: "More feedback channels", help: "Customers heard by phone, chat, email and surveys: a satisfaction gain." },
  roster: { label: "Replace a group's roster", help: "A group's shifts replaced by another roster, e.g. the cheapest roster found from its shift templates." },
  combined: { label: "Combine several", help: "Several interventions applied together and compared as one option (e.g. training + hiring)." },
};

/** A kind's label, or its id for a kind this page does not know yet. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind]?.label ?? kind;
}

interface Places {
  group: string;
  /** The first group's shifts, as written. */
  shifts: unknown[];
  shift: string;
  queues: string[];
  hasResolutionTime: boolean;
}

// The first group and its last shift (usually the late one, where the evening runs short).
function places(draft: Draft): Places {
  const groups = Array.isArray(draft.groups) ? draft.groups.filter(isObject) : [];
  const group = groups[0];
  const shifts = group && Array.isArray(group.shifts) ? group.shifts.filter(isObject) : [];
  const shift = shifts[shifts.length - 1];
  const queues = Array.isArray(draft.queues) ? draft.queues.filter(isObject).map((queue) => String(queue.name ?? "")) : [];
  const hasResolutionTime = isObject(draft.resolution) && draft.resolution.resolutionTime !== undefined;
  return { group: String(group?.name ?? ""), shifts: shifts.map(snapshotSafe), shift: String(shift?.name ?? ""), queues, hasResolutionTime };
}

// Drafts may be Svelte state proxies, which structuredClone refuses: copy through JSON (shifts are plain JSON).
const snapshotSafe = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** A training programme: core's template, trained in weekly cohorts sized to the scenario so that no class week takes
 * more than 5% of a group's paid hours off the floor (an assumption; everyone in one week, the schema's defaults
 * alone, costs a tight center most of a week's service level). Without a valid scenario to size them: the defaults. */
function training(name: string, scenario: Scenario | null): Record<string, unknown> & { name: string } {
  if (!scenario) return { name };
  const { kind: _kind, ...rest } = trainingTemplate(scenario, name);
  return rest;
}

function body(kind: string, where: Places, scenario: Scenario | null): Record<string, unknown> & { name: string } {
  const { group, shift } = where;
  switch (kind) {
    case "addAgents":
      return { name: `+2 agents on ${shift}`, group, shift, agents: 2 };
    case "removeAgents":
      return { name: `−1 agent on ${shift}`, group, shift, agents: 1 };
    case "moveShift":
      return { name: `${shift} 30 min later`, group, shift, minutes: 30 };
    case "lengthenShift":
      return { name: `${shift} 1 hour longer`, group, shift, hours: 1 };
    case "addShift":
      return {
        name: "Evening shift",
        group,
        shift: { name: "Evening", start: "17:00", hours: 4, days: ["mon", "tue", "wed", "thu", "fri"], agents: 2, breaks: [] },
      };
    case "scaleAht":
      return { name: "Handle time −10%", factor: 0.9 };
    case "scalePatience":
      return { name: "Patience +20%", factor: 1.2 };
    case "training":
      return training("Training programme", scenario);
    case "processChange":
      // No effect until its figures are entered (none is assumed); without a resolution time, say where to set one.
      return where.hasResolutionTime
        ? { name: "Process change" }
        : {
            name: "Process change",
            description: "Enter this change's effects: the scenario has no resolution time to shorten (set one under Model › Resolution time).",
          };
    case "channelShift":
      return { name: "20% to another channel", from: where.queues[0] ?? "", to: where.queues[1] ?? where.queues[0] ?? "", share: 0.2 };
    case "feedbackChannels":
      return { name: "More feedback channels" };
    case "roster":
      return { name: `New roster for ${group}`, group, shifts: where.shifts };
    case "combined":
      return {
        name: "Training + 2 agents",
        interventions: [
          { kind: "training", ...training("Training programme", scenario) },
          { kind: "addAgents", name: `+2 agents on ${shift}`, group, shift, agents: 2 },
        ],
      };
    default:
      return { name: kind };
  }
}

/**
 * A new intervention of `kind` for the scenario `draft`, with a name no other intervention has and every required
 * field filled from the scenario (its first group and that group's last shift, its queues); the rest takes core's
 * defaults, which the editor shows with their sources. `scenario` (the last valid one) sizes a training's cohorts.
 */
export function newIntervention(kind: string, draft: Draft, scenario: Scenario | null = null): Draft {
  const taken = (Array.isArray(draft.interventions) ? draft.interventions : []).filter(isObject).map((entry) => String(entry.name ?? ""));
  const { name, ...rest } = body(kind, places(draft), scenario);
  return { kind, name: uniqueName(name, taken), ...rest };
}

/** A copy of an intervention under a name no other intervention has (`… (copy)`, `… (copy) 2`). */
export function duplicateIntervention(entry: Draft, draft: Draft): Draft {
  const taken = (Array.isArray(draft.interventions) ? draft.interventions : []).filter(isObject).map((item) => String(item.name ?? ""));
  const copy = structuredClone(entry);
  copy.name = uniqueName(`${String(entry.name ?? "Intervention")} (copy)`, taken);
  return copy;
}

/**
 * A `combined` intervention of the interventions at `indices` of the draft, applied in that order: each a copy under
 * its own name (a combined one contributes its parts, since core does not nest them), the combination named after
 * them ("+4 agents on Late + Training programme") under a name no other intervention has.
 */
export function combinedIntervention(indices: readonly number[], draft: Draft): Draft {
  const entries = (Array.isArray(draft.interventions) ? draft.interventions : []).filter(isObject);
  const chosen = indices.map((index) => entries[index]).filter((entry): entry is Draft => entry !== undefined);
  const parts = chosen.flatMap((entry) => (entry.kind === "combined" && Array.isArray(entry.interventions) ? entry.interventions.filter(isObject) : [entry]));
  const taken = entries.map((entry) => String(entry.name ?? ""));
  const name = chosen.map((entry) => String(entry.name ?? entry.kind ?? "")).join(" + ") || "Combination";
  return {
    kind: "combined",
    name: uniqueName(name.length > 80 ? `${name.slice(0, 79)}…` : name, taken),
    interventions: parts.map((part) => structuredClone(part)),
  };
}
