import { z } from "zod";

// Every amount is in `currency`. Each default names its source, in a comment and in the help text the UI shows.
// Amounts a planner must know for their own center (lifetime value, cost of a complaint, …) default to 0:
// "not counted until you enter it" is the one default that never invents money.
const amount = (max: number) => z.number().min(0).max(max);

/**
 * Money: what the center pays (wages, hiring, technology, management overhead) and what better service is
 * worth (retained customers, avoided complaints, sales through service, contacts moved online), over a
 * financial horizon in months that is separate from the simulated span of days. Interventions turn the costs
 * into cost lines; `economics/` turns the simulated KPIs into benefits. Sources: the value chain of article
 * 004_49af8e83df4febe5 (direct costs: wages, equipment, technology; indirect: training and management;
 * benefits: sales through service, savings, retention's long-term value, offline-channel substitution).
 */
export const moneySchema = z.strictObject({
  wagePerHour: z
    .number()
    .min(0)
    .max(10_000)
    .describe("Loaded cost of an agent's paid hour (wage, taxes, benefits). Shrinkage is not a cost line: it is already in each group's time on the floor."),
  currency: z.string().regex(/^[A-Z]{3}$/).default("USD").describe("ISO 4217 code of every amount."),
  hiringCostPerAgent: amount(1e7)
    .optional()
    .describe("One-off cost of hiring and onboarding an agent, for interventions that add agents. Omitted: hiring is not priced."),
  // Assumption: a budget year.
  horizonMonths: z
    .number()
    .positive()
    .max(120)
    .default(12)
    .describe("Financial horizon: months over which costs and benefits are compared (default 12, a budget year; assumption). Separate from the simulated span: simulated weeks are scaled to months (a month is 52/12 weeks)."),
  // Assumption: the simulated days are a sample of the center's weeks.
  spanWeeks: z
    .number()
    .positive()
    .max(520)
    .optional()
    .describe("Weeks of operation the simulated span stands for, to turn its counts into weekly figures. Omitted: days / 7 (simulate the whole week, closed days with no contacts, or set this, e.g. 1 for a center open only on the 5 weekdays simulated; assumption)."),
  // Assumption: a typical corporate cost of capital; 0 turns discounting off.
  discountRatePerYear: z
    .number()
    .min(0)
    .max(1)
    .default(0.08)
    .describe("Annual discount rate for the net present value (default 0.08, a typical cost of capital; assumption). Monthly flows are discounted at (1 + rate)^(−month/12); one-off costs fall at the start."),
  // Article 004_49af8e83df4febe5 lists management among the indirect costs; its size is the center's own.
  managementOverhead: z
    .number()
    .min(0)
    .max(5)
    .default(0)
    .describe("Management and supervision cost as a fraction of the wages an intervention adds (e.g. 0.15 for one team leader per ~12 agents). Default 0: not counted (assumption); article 004_49af8e83df4febe5 names management among indirect costs."),
  // Article 004_49af8e83df4febe5 lists equipment and technology among the direct costs.
  technologyPerSeatPerMonth: amount(1e6)
    .default(0)
    .describe("Technology per seat per month (licences, telephony, hardware) for each agent an intervention adds. Default 0: not counted (assumption); article 004_49af8e83df4febe5 names technology among direct costs."),
  // Article 004_49af8e83df4febe5: retention's long-term value (LTV) is a benefit of service.
  customerLifetimeValue: amount(1e9)
    .default(0)
    .describe("Value of a customer who stays (margin over their remaining lifetime): each customer the model keeps from churning is worth this much, counted in the month they are kept. Default 0: not counted (assumption); article 004_49af8e83df4febe5 names LTV as a benefit."),
  // Assumption: without data, every contact journey is a different customer.
  journeysPerCustomer: z
    .number()
    .min(1)
    .max(1000)
    .default(1)
    .describe("Problems (contact journeys) an average customer brings within the financial horizon: the churn the model predicts per journey is divided by it, so a customer who calls about three problems a year is not lost three times. Default 1 (assumption: every journey a different customer; take it from your CRM)."),
  costPerComplaint: amount(1e7)
    .default(0)
    .describe("Cost of handling one complaint (escalation, goodwill, regulator fees): each complaint avoided saves it. Default 0: not counted (assumption)."),
  // Article 004_49af8e83df4febe5: cross-selling and up-selling by agents add sales revenue.
  revenuePerAnsweredContact: amount(1e7)
    .default(0)
    .describe("Cross-sell and up-sell margin per answered contact: each extra contact answered earns it. Default 0: not counted (assumption); article 004_49af8e83df4febe5 names sales through service as a benefit."),
  // Article 004_49af8e83df4febe5: the offline-channel substitution rate and the cost difference between channels.
  costPerContactOffline: amount(1e6)
    .default(0)
    .describe("Variable cost of serving one contact offline (branch, store, telephony), beyond the agents' wages the scenario already prices. Default 0: not counted (assumption); article 004_49af8e83df4febe5 compares offline and online costs."),
  costPerContactOnline: amount(1e6)
    .default(0)
    .describe("Variable cost of serving one contact online (chat, email, self-service), beyond wages. Each contact moved online saves costPerContactOffline − costPerContactOnline. Default 0 (assumption)."),
});

/** Parsed money settings, defaults filled in. */
export type Money = z.infer<typeof moneySchema>;
