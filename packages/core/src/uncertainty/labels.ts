/** Plain-words names of the inputs a manager meets, by key (other keys are shown as they are). */
const LABELS: Record<string, string> = {
  "experience.referenceCsat": "the CSAT of the reference center",
  "experience.surveyResponseRate": "the survey response rate",
  "experience.wait.changePerMinute": "the satisfaction lost per minute of waiting",
  "experience.wait.floor": "the satisfaction a long wait leaves",
  "experience.wait.midpointMinutes": "the wait customers start to mind",
  "experience.resolutionTime.changePerTenPercentCut": "the satisfaction gained per 10% shorter resolution",
  "experience.resolutionTime.referenceHours": "the reference resolution time",
  "experience.repeats.changePerFivePointsFewer": "the satisfaction gained per 5 points fewer repeats",
  "experience.repeats.referenceRepeatRate": "the reference repeat rate",
  "experience.repeats.referenceDelayHours": "how much later a repeat resolves a problem at the reference center",
  "experience.complaints.dissatisfiedPropensity": "the share of dissatisfied customers who complain",
  "experience.complaints.resolutionTimeElasticity": "how complaints grow with the resolution time",
  "experience.loyalty.satisfied.promoters": "the promoters among satisfied customers",
  "experience.loyalty.satisfied.detractors": "the detractors among satisfied customers",
  "experience.loyalty.satisfied.churn": "the churn of satisfied customers",
  "experience.loyalty.dissatisfied.promoters": "the promoters among dissatisfied customers",
  "experience.loyalty.dissatisfied.detractors": "the detractors among dissatisfied customers",
  "experience.loyalty.dissatisfied.churn": "the churn of dissatisfied customers",
  "money.wagePerHour": "the wage per hour",
  "money.hiringCostPerAgent": "the hiring cost per agent",
  "money.discountRatePerYear": "the discount rate",
  "money.managementOverhead": "the management overhead",
  "money.technologyPerSeatPerMonth": "the technology cost per seat",
  "money.customerLifetimeValue": "the value of a kept customer",
  "money.customerLifetimeMonths": "the customer lifetime in months",
  "money.journeysPerCustomer": "the problems per customer",
  "money.costPerComplaint": "the cost of a complaint",
  "money.revenuePerAnsweredContact": "the sales margin per problem answered",
  "money.costPerContactOffline": "the cost of an offline contact",
  "money.costPerContactOnline": "the cost of an online contact",
};

const FIELD_LABELS: Record<string, string> = {
  ahtChange: "handle-time change",
  fcrChange: "FCR gain",
  satisfactionChange: "satisfaction effect",
  resolutionTimeChange: "resolution-time change",
  share: "share of contacts moved",
  surveyResponseChange: "survey response change",
  factor: "factor",
  costPerTrainee: "cost per trainee",
  oneOffCost: "one-off cost",
  perMonthCost: "cost per month",
  relativeChange: "satisfaction effect",
};

/** The plain-words name of an input key (`interventions[Training].satisfactionChange` → `the satisfaction effect of
 * "Training"`: the name last, so that a name ending in a quote or an s does not meet a possessive). */
export function inputLabel(key: string): string {
  if (key === "simulation") return "the simulation's noise";
  const known = LABELS[key];
  if (known) return known;
  const match = /^(?:interventions|experience\.effects)\[([^\]]+)\](?:\.interventions\[([^\]]+)\])?\.(\w+)$/.exec(key);
  if (match) {
    const owner = match[2] ?? match[1]!;
    return `the ${FIELD_LABELS[match[3]!] ?? match[3]!} of ${owner.startsWith("#") ? `entry ${owner.slice(1)}` : `"${owner}"`}`;
  }
  return key;
}
