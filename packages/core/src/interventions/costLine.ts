/**
 * One line of what an intervention costs (or saves, when negative), in the scenario's currency: a one-off
 * amount at the start (hiring, training, a project), a recurring amount per week (wages and what goes with
 * them) or per month (technology, licences). `economics/` spreads them over the financial horizon, a month
 * being 52/12 weeks.
 */
export interface CostLine {
  label: string;
  kind: "oneOff" | "perWeek" | "perMonth";
  amount: number;
  currency: string;
}
