/**
 * One line of what an intervention costs (or saves, when negative), in the scenario's currency:
 * a one-off amount (hiring, training) or a recurring amount per week (wages).
 */
export interface CostLine {
  label: string;
  kind: "oneOff" | "perWeek";
  amount: number;
  currency: string;
}
