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
  /** Recurring lines only: the week (from the intervention's start, week 0) the amount starts, e.g. the wages of
   * agents who arrive after a lead time. Omitted: from the start. */
  fromWeek?: number;
}
