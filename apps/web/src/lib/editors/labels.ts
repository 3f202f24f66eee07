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
  maxAgentsAtOnce: "Most agents at once (roster optimiser)",
  maxWeeklyHours: "Most paid hours a week (roster optimiser)",
  minAgentsOnFloor: "Fewest agents on the floor (roster optimiser)",
  // The capacity plan (the Year view).
  start: "First week starts on",
  weeks: "Weeks",
  growthPerYear: "Volume growth per year",
  monthlyIndex: "Seasonal index by month",
  shrinkageByMonth: "Shrinkage by month",
  headcount: "Headcount",
  recentHires: "Recent hires",
  weeksAgo: "Joined the floor, weeks ago",
  perMonth: "Leavers per month",
  newHirePerMonth: "New hires leaving per month",
  newHireMonths: "New-hire period",
  startProductivity: "Productivity in the first week",
  leadWeeks: "Recruiting lead time",
  graduation: "Graduation rate",
  classSize: "Class size",
  costPerHire: "Cost per hire",
  budget: "Hiring budget",
  ramp: "Ramp-up",
  attrition: "Attrition",
  productivity: "Productivity",
};

const UNIT_SUFFIXES: [RegExp, string][] = [
  [/Sec$/, ""],
  [/Minutes$/, ""],
  [/Hours$/, ""],
  [/Weeks$/, ""],
  [/Months$/, ""],
];

/** Names that mean another thing inside a block: a hiring class's `classWeeks` are weeks in class before joining the
 * floor, not a training's class hours spread over weeks. */
const LABELS_IN: Record<string, Record<string, string>> = {
  hiring: { classWeeks: "Weeks in class" },
};

/** "hoursOffFloor" → "Hours off the floor per trainee" (known names), else "learningCurveWeeks" → "Learning curve";
 * `within` (the enclosing key, e.g. "hiring") picks the block's own name where it differs. */
export function labelFor(key: string, within?: string | number): string {
  const inBlock = within === undefined ? undefined : LABELS_IN[String(within)]?.[key];
  if (inBlock) return inBlock;
  const known = LABELS[key];
  if (known) return known;
  let base = key;
  for (const [pattern, replacement] of UNIT_SUFFIXES) base = base.replace(pattern, replacement);
  const words = base.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The unit a field's name states, for the label beside its input ("s", "h", "USD/h", "%", "points", …). */
export function unitFor(key: string, currency: string): string {
  if (/Sec$/.test(key)) return "s";
  if (/Minutes$/.test(key) || key === "minutes") return "min";
  if (/Hours$/.test(key) || key === "hours" || key === "hoursOffFloor") return "h";
  if (/Weeks$/.test(key)) return "weeks";
  if (/Months$/.test(key)) return "months";
  if (/PerHour$/.test(key)) return `${currency}/h`;
  if (/PerMonth$/.test(key)) return `${currency}/month`;
  if (/(Cost|Value|revenue|Revenue)/.test(key) || /^costPer/.test(key) || key === "budget") return currency;
  if (key === "agents") return "agents";
  if (key === "monthlyIndex") return "× the forecast";
  if (key === "factor") return "×";
  if (key === "cv" || /Cv$/.test(key)) return "CV";
  const fraction = fractionStyleOf(key);
  if (fraction) return fraction.unit;
  return "";
}

/** How a fraction of the file is shown and typed: as a percentage or as percentage points, signed when it is a
 * change, with the unit beside the field. */
export interface FractionStyle {
  kind: "percent" | "points";
  signed: boolean;
  unit: string;
}

/** A share, rate or probability in percent (unsigned). */
export const PERCENT: FractionStyle = { kind: "percent", signed: false, unit: "%" };

/** Changes of a rate measured in percentage points (0.05 = +5 points), not relative to the rate. */
const POINT_CHANGES = new Set(["fcrChange"]);
/** Units that say more than "%" (the change per something). */
const PERCENT_UNITS: Record<string, string> = {
  changePerMinute: "% per minute",
  changePerTenPercentCut: "% per 10 % cut",
  changePerFivePointsFewer: "% per 5 points",
};
/** Shares, rates and probabilities in [0, 1] whose name does not say so. */
const FRACTION_KEYS = new Set([
  "fcr", "share", "probability", "shrinkage", "targetServiceLevel", "referenceCsat", "dissatisfiedPropensity", "promoters",
  "detractors", "churn", "floor", "managementOverhead", "perMonth", "newHirePerMonth", "graduation", "startProductivity",
  "growthPerYear", "productivity", "shrinkageByMonth",
]);

/** A list field's help: the schema's text, and for the seasonal index what kind of number it is (an index, not a
 * share: typed as a factor on the forecast, where shares are typed in percent). */
export function listHelp(key: string, base: string): string {
  if (key === "monthlyIndex") return `${base} An index, not a share: 1.1 is 10 % above the forecast, 0.9 is 10 % below, 1 is the forecast itself.`.trim();
  return base;
}

/** How the editors' percent convention reads against the file's fractions, which the schema's help speaks of ("e.g.
 * −0.08 for 8% shorter"): said after every such help, or a planner types −0.08 into a "%" field and gets −0.08 %. */
export function fractionConvention(style: FractionStyle): string {
  return style.kind === "points" ? "In points here; the file keeps +5 points as 0.05." : `In percent here; the file keeps ${style.signed ? "−8 % as −0.08" : "8 % as 0.08"}.`;
}

/** A fraction field's help: the schema's text, then the convention (the convention alone without a text). */
export function fractionHelp(base: string, style: FractionStyle | null): string {
  if (!style) return base;
  return base ? `${base} ${fractionConvention(style)}` : fractionConvention(style);
}

/** The percent convention for the field `key`, or null when it is not a fraction (seconds, money, counts, a CV…).
 * Every share, rate, probability and relative change of the file is a fraction, shown in percent; a change of a
 * rate in points (fcrChange) in points. */
export function fractionStyleOf(key: string): FractionStyle | null {
  if (POINT_CHANGES.has(key)) return { kind: "points", signed: true, unit: "points" };
  if (/Change$/.test(key) || /^changePer/.test(key)) return { kind: "percent", signed: true, unit: PERCENT_UNITS[key] ?? "%" };
  if (FRACTION_KEYS.has(key) || /(Rate|RatePerYear|Share|Probability)$/.test(key)) return { kind: "percent", signed: false, unit: "%" };
  return null;
}
