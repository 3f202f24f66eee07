// The largest scenario the limits allow in shape: 50 queues × 92 days × 15-minute intervals, about 4.4 million
// first contacts in one replication (the memory benchmark's case, bench/memory.mjs).
//   node bench/bigScenario.mjs > big.json
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const QUEUES = 50;
const DAYS = 92;
const GROUPS = 10;
const CONTACTS_PER_QUEUE_DAY = 960; // 50 × 92 × 960 ≈ 4.42 million
const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** The scenario, as the JSON a planner would write. Retries (0.1) and repeats (FCR 0.95) are on: the size limit's
 * bound, 4.42 million / (1 − 0.1) ≈ 4.9 million, stays under 5 million. */
export function bigScenario() {
  const days = Array.from({ length: DAYS }, (_, d) => WEEK[d % 7]);
  const queues = Array.from({ length: QUEUES }, (_, q) => ({
    name: `Line ${q + 1}`,
    forecast: {
      dailyContacts: days.map((day) => (day === "sun" ? CONTACTS_PER_QUEUE_DAY * 0.6 : day === "sat" ? CONTACTS_PER_QUEUE_DAY * 0.8 : CONTACTS_PER_QUEUE_DAY * 1.08)),
      intradayProfile: "retail-weekday",
    },
    handle: { dist: "lognormal", meanSec: 240, cv: 0.8 },
    patience: { dist: "exponential", meanSec: 180 },
    retry: { probability: 0.1, delay: { dist: "exponential", meanSec: 600 } },
  }));
  const perGroup = QUEUES / GROUPS;
  const groups = Array.from({ length: GROUPS }, (_, g) => ({
    name: `Team ${g + 1}`,
    serves: queues.slice(g * perGroup, (g + 1) * perGroup).map((queue) => queue.name),
    shrinkage: 0.2,
    shifts: [
      { name: "Early", start: "07:00", hours: 8, days: WEEK, agents: 30, breaks: [{ start: "11:00", minutes: 30 }] },
      { name: "Late", start: "12:00", hours: 8, days: WEEK, agents: 30, breaks: [{ start: "16:00", minutes: 30 }] },
      { name: "Evening", start: "16:00", hours: 6, days: WEEK, agents: 12 },
    ],
  }));
  return {
    version: 1,
    name: "Memory benchmark: 50 queues × 92 days × 15 minutes",
    intervalMinutes: 15,
    days,
    queues,
    groups,
    resolution: { fcr: 0.95, repeatDelay: { dist: "exponential", meanHours: 48 } },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = `${JSON.stringify(bigScenario())}\n`;
  if (process.argv[2]) writeFileSync(process.argv[2], text);
  else process.stdout.write(text);
}
