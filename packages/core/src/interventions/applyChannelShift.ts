import { arrivalRates } from "../plan/compile.js";
import type { ResolvedIntervention } from "../schema/intervention.js";
import type { Forecast, Scenario } from "../schema/scenario.js";
import type { AppliedIntervention } from "./applyIntervention.js";
import type { InterventionStage } from "./interventionTimeline.js";
import { statedCostLines } from "./pricing.js";
import { fail, findQueueIndex } from "./scenarioEdits.js";

type ChannelShift = Extract<ResolvedIntervention, { kind: "channelShift" }>;

/**
 * Moves a share s · f of queue `from`'s forecast contacts (f: the share of the adoption in force) to queue `to`:
 * `from`'s forecast is scaled by (1 − s · f), and the moved contacts are added to `to`'s forecast, interval by
 * interval where `to` gives contacts per interval, day by day (then spread by `to`'s own intraday profile) where it
 * gives contacts per day. The moved contacts take `to`'s handle time, patience and targets. Day-level
 * over-dispersion stays each queue's own. Cost: its one-off and monthly amounts.
 */
export function applyChannelShift(scenario: Scenario, intervention: ChannelShift, stage: InterventionStage): AppliedIntervention {
  const fromIndex = findQueueIndex(scenario, intervention, intervention.from);
  const toIndex = findQueueIndex(scenario, intervention, intervention.to);
  if (fromIndex === toIndex) fail(intervention, `moves contacts from queue "${intervention.from}" to itself; expected two different queues`);
  const costLines = statedCostLines(scenario, intervention.name, intervention);
  const share = intervention.share * stage.effect;
  if (share === 0) return { scenario, costLines };

  const from = scenario.queues[fromIndex]!;
  const to = scenario.queues[toIndex]!;
  const intervalSec = scenario.intervalMinutes * 60;
  const moved = Array.from(arrivalRates(from, scenario), (rate) => rate * intervalSec * share);
  const queues = scenario.queues.slice();
  queues[fromIndex] = { ...from, forecast: scaleForecast(from.forecast, 1 - share) };
  queues[toIndex] = { ...to, forecast: addContacts(to.forecast, moved, 1440 / scenario.intervalMinutes) };
  return { scenario: { ...scenario, queues }, costLines };
}

function scaleForecast(forecast: Forecast, factor: number): Forecast {
  if ("intervalContacts" in forecast) return { ...forecast, intervalContacts: forecast.intervalContacts.map((contacts) => contacts * factor) };
  return { ...forecast, dailyContacts: forecast.dailyContacts.map((contacts) => contacts * factor) };
}

/** The forecast plus `moved` contacts per interval of the span (summed per day for a daily forecast). */
function addContacts(forecast: Forecast, moved: number[], intervalsPerDay: number): Forecast {
  if ("intervalContacts" in forecast) return { ...forecast, intervalContacts: forecast.intervalContacts.map((contacts, i) => contacts + (moved[i] ?? 0)) };
  return {
    ...forecast,
    dailyContacts: forecast.dailyContacts.map((contacts, day) => {
      let sum = 0;
      for (let i = day * intervalsPerDay; i < (day + 1) * intervalsPerDay; i++) sum += moved[i] ?? 0;
      return contacts + sum;
    }),
  };
}
