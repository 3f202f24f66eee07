import { z } from "zod";

/** Money: wages and one-off costs, so that interventions come with cost lines. */
export const moneySchema = z.strictObject({
  wagePerHour: z.number().min(0).max(10_000).describe("Loaded cost of an agent's paid hour."),
  currency: z.string().regex(/^[A-Z]{3}$/).default("USD").describe("ISO 4217 code of every amount."),
  hiringCostPerAgent: z.number().min(0).max(1e7).optional().describe("One-off cost of hiring and onboarding an agent."),
  horizonMonths: z.number().positive().max(120).optional().describe("Months over which costs and benefits are compared."),
});
