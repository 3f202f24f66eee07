// How the schema's field names read on screen, and their units. Names carry their unit (STYLE.md), so the unit is
// read from the name; the label leaves it out.

const LABELS: Record<string, string> = {
  name: "Name",
  description: "Description",
  source: "Source of the effect sizes",
  agents: "Agents",
  group: "Group",
  shift: "Shift",
  groups: "Groups",
  queue: "Queue",
  from: "From queue",
  to: "To queue",
  share: "Share moved",
  minutes: "Minutes",
  hours: "Hours",
  factor: "Factor",
  cv: "Coefficient of variation",
  k: "Phases (k)",
  fcr: "First-contact resolution",
  fcrChange: "FCR change",
  ahtChange: "AHT change",
  satisfactionChange: "Satisfaction change",
  surveyResponseChange: "Survey response change",
  resolutionTimeChange: "Resolution time change",
  hoursOffFloor: "Hours off the floor per trainee",
  classWeeks: "Class spread over",
  learningCurveWeeks: "Learning curve",
  implementationWeeks: "Takes effect after",
  rampWeeks: "Ramp-up",
  costPerTrainee: "Cost per trainee",
  oneOffCost: "One-off cost",
  perMonthCost: "Cost per month",
  wagePerHour: "Loaded wage per hour",
  currency: "Currency",
  hiringCostPerAgent: "Hiring cost per agent",
  horizonMonths: "Financial horizon",
  discountRatePerYear: "Discount rate per year",
  managementOverhead: "Management overhead",
  technologyPerSeatPerMonth: "Technology per seat per month",
  customerLifetimeValue: "Customer lifetime value",
  costPerComplaint: "Cost per complaint",
  revenuePerAnsweredContact: "Revenue per answered contact",
  costPerContactOffline: "Cost per offline contact",
  costPerContactOnline: "Cost per online contact",
  repeatDelay: "Delay before a repeat contact",
  resolutionTime: "Resolution time",
  targetAnswerSec: "Target answer time",
  targetServiceLevel: "Target service level",
  shrinkage: "Shrinkage",
  intervalMinutes: "Interval length",
  startDate: "First day's date",
  seed: "Random seed",
  dailyCv: "Day-to-day variation (CV)",
  referenceCsat: "Reference CSAT",
  surveyResponseRate: "Survey response rate",
  referenceRepeatRate: "Reference repeat-contact rate",
  nps: "NPS",
};

const UNIT_SUFFIXES: [RegExp, string][] = [
  [/Sec$/, ""],
  [/Minutes$/, ""],
  [/Hours$/, ""],
  [/Weeks$/, ""],
  [/Months$/, ""],
];

/** "hoursOffFloor" → "Hours off the floor per trainee" (known names), else "learningCurveWeeks" → "Learning curve". */
export function labelFor(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  let base = key;
  for (const [pattern, replacement] of UNIT_SUFFIXES) base = base.replace(pattern, replacement);
  const words = base.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The unit a field's name states, for the label beside its input ("s", "h", "USD/h", "fraction", …). */
export function unitFor(key: string, currency: string): string {
  if (/Sec$/.test(key)) return "s";
  if (/Minutes$/.test(key) || key === "minutes") return "min";
  if (/Hours$/.test(key) || key === "hours" || key === "hoursOffFloor") return "h";
  if (/Weeks$/.test(key)) return "weeks";
  if (/Months$/.test(key)) return "months";
  if (/PerHour$/.test(key)) return `${currency}/h`;
  if (/PerMonth$/.test(key)) return `${currency}/month`;
  if (/(Cost|Value|revenue|Revenue)/.test(key) || /^costPer/.test(key)) return currency;
  if (key === "agents") return "agents";
  if (key === "factor") return "×";
  if (key === "cv" || /Cv$/.test(key)) return "CV";
  if (/(Change|Rate|PerYear|share|probability|Overhead|^fcr$)/.test(key)) return "fraction";
  return "";
}

/** Fractions get a percentage beside them, to read 0.08 as 8%. */
export function isFractionUnit(unit: string): boolean {
  return unit === "fraction";
}
