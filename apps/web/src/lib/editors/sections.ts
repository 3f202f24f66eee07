import { parsePath } from "../scenario/paths.js";

/** The editor's sections, in the order a planner works through them. */
export const SECTIONS = [
  { id: "forecast", label: "Forecast" },
  { id: "queues", label: "Handling & patience" },
  { id: "shifts", label: "Shifts" },
  { id: "money", label: "Money" },
  { id: "capacity", label: "Year plan" },
  { id: "model", label: "Model" },
  { id: "scenario", label: "Scenario" },
] as const;

export type SectionId = (typeof SECTIONS)[number]["id"] | "interventions";

/** The section that shows the field at an issue's path (interventions have their own panel). */
export function sectionOf(path: string): SectionId {
  const [first, , third] = parsePath(path);
  switch (first) {
    case "queues":
      return third === "forecast" ? "forecast" : "queues";
    case "groups":
      return "shifts";
    case "money":
      return "money";
    case "capacity":
      return "capacity";
    case "interventions":
      return "interventions";
    case "name":
    case "description":
    case "seed":
    case "intervalMinutes":
    case "days":
    case "startDate":
    case "version":
    case "$schema":
    case undefined:
      return "scenario";
    default:
      return "model";
  }
}
