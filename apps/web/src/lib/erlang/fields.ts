import type { ErlangModel } from "@ccplan/core";

/** The form's inputs, as typed: raw strings, so an empty or half-typed field can be told apart from a number. */
export interface RawInputs {
  model: ErlangModel;
  contactsPerHour: string;
  ahtSec: string;
  agents: string;
  patienceSec: string;
  targetAnswerSec: string;
  targetServiceLevelPct: string;
  maxOccupancyPct: string;
  shrinkagePct: string;
}

export type Field = Exclude<keyof RawInputs, "model">;

export interface FieldSpec {
  label: string;
  unit: string;
  /** Empty means "not set" rather than an error. */
  optional: boolean;
  /** The models whose calculation reads this field; the form disables it for the others. */
  models: readonly ErlangModel[];
  /** The name core gives this input in its error messages. */
  coreName: string;
  help: string;
}

/** Every input of the calculator, in form order: label, unit, and which models use it. */
export const FIELDS: Record<Field, FieldSpec> = {
  contactsPerHour: {
    label: "Contacts per hour",
    unit: "contacts/h",
    optional: false,
    models: ["b", "c", "a"],
    coreName: "arrivalRatePerSec",
    help: "Offered, Poisson arrivals.",
  },
  ahtSec: {
    label: "Average handle time",
    unit: "s",
    optional: false,
    models: ["b", "c", "a"],
    coreName: "ahtSec",
    help: "Talk plus wrap-up, exponential.",
  },
  agents: {
    label: "Agents",
    unit: "agents",
    optional: false,
    models: ["b", "c", "a"],
    coreName: "agents",
    help: "On the phones, after shrinkage.",
  },
  patienceSec: {
    label: "Mean patience",
    unit: "s",
    optional: false,
    models: ["a"],
    coreName: "patienceSec",
    help: "Before callers hang up, exponential.",
  },
  targetAnswerSec: {
    label: "Target answer time",
    unit: "s",
    optional: false,
    models: ["c", "a"],
    coreName: "targetAnswerSec",
    help: "The t in “80% answered within t s”.",
  },
  targetServiceLevelPct: {
    label: "Target service level",
    unit: "%",
    optional: false,
    models: ["c", "a"],
    coreName: "targetServiceLevel",
    help: "",
  },
  maxOccupancyPct: {
    label: "Occupancy cap",
    unit: "%",
    optional: true,
    models: ["c", "a"],
    coreName: "maxOccupancy",
    help: "",
  },
  shrinkagePct: {
    label: "Shrinkage",
    unit: "%",
    optional: true,
    models: ["c", "a"],
    coreName: "shrinkage",
    help: "",
  },
};

export const MODELS: readonly { id: ErlangModel; label: string; help: string }[] = [
  { id: "c", label: "Erlang C", help: "callers wait, never hang up" },
  { id: "a", label: "Erlang A", help: "callers wait, may hang up" },
  { id: "b", label: "Erlang B", help: "no queue: busy means lost" },
];

/** Where the page opens: a typical small queue, 80% within 20 s. */
export const DEFAULT_INPUTS: RawInputs = {
  model: "c",
  contactsPerHour: "200",
  ahtSec: "180",
  agents: "14",
  patienceSec: "300",
  targetAnswerSec: "20",
  targetServiceLevelPct: "80",
  maxOccupancyPct: "",
  shrinkagePct: "",
};

export function usedBy(field: Field, model: ErlangModel): boolean {
  return FIELDS[field].models.includes(model);
}
