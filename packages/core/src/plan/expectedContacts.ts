import type { Scenario } from "../schema/scenario.js";

/**
 * Contacts one replication is expected to hold, all queues together: the forecast volume times an
 * allowance for repeat contacts (1 / fcr: an unresolved contact comes back until resolved, a geometric
 * number of times) and for retries after abandoning (1 + retry probability per queue, as if every first
 * attempt abandoned once). A generous estimate for the size limit, not a forecast of offered contacts:
 * repeats that fall after the span and contacts nobody abandons are counted too.
 */
export function expectedContacts(scenario: Pick<Scenario, "queues" | "resolution">): number {
  const repeatAllowance = 1 / scenario.resolution.fcr;
  let total = 0;
  for (const queue of scenario.queues) {
    const forecast = queue.forecast;
    const volumes = "dailyContacts" in forecast ? forecast.dailyContacts : forecast.intervalContacts;
    const volume = volumes.reduce((sum, contacts) => sum + contacts, 0);
    total += volume * repeatAllowance * (1 + (queue.retry?.probability ?? 0));
  }
  return total;
}
