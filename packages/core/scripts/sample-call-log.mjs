// Writes examples/call-log-sample.csv: a synthetic call log in ccplan's csv format, so that `ccplan calibrate` and
// `ccplan backtest` can be tried without the bank's data. It is made by a small simulation with known inputs, which
// the calibration should recover (a test checks it):
// - two weekdays, 08:00–18:00, Poisson arrivals peaking at 70 calls an hour; queues "billing" (60%) and "tech";
// - class "gold" (25% of calls) served with a head start of 60 s over class "standard";
// - talk time log-normal, mean 240 s, cv 0.8; after-call work 30 s after every call;
// - patience exponential, mean 200 s;
// - agents A1…A8 on shifts (08–13, 08–16, 10–18, 13–18, …), each answering the head of the line by virtual arrival.
// Run from the repository root: node packages/core/scripts/sample-call-log.mjs
import { writeFileSync } from "node:fs";
import seedrandom from "seedrandom";

export const SAMPLE = {
  days: ["2026-03-02", "2026-03-03"],
  openSec: 8 * 3600,
  closeSec: 18 * 3600,
  goldShare: 0.25,
  headStartSec: 60,
  talkMeanSec: 240,
  talkCv: 0.8,
  afterCallWorkSec: 30,
  patienceMeanSec: 200,
  billingShare: 0.6,
};

const SHIFTS = [
  ["A1", 8, 13],
  ["A2", 8, 16],
  ["A3", 8, 16],
  ["A4", 10, 18],
  ["A5", 10, 18],
  ["A6", 13, 18],
  ["A7", 11, 15],
  ["A8", 14, 18],
];

/** Calls per hour at hour h of the day (a morning and an afternoon peak). */
function ratePerHour(hour) {
  const profile = { 8: 35, 9: 55, 10: 70, 11: 65, 12: 50, 13: 45, 14: 60, 15: 65, 16: 50, 17: 35 };
  return profile[Math.floor(hour)] ?? 0;
}

function normal(random) {
  // Box–Muller; one of the pair is enough here.
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function simulateDay(date, random) {
  const sigma = Math.sqrt(Math.log(1 + SAMPLE.talkCv ** 2));
  const mu = Math.log(SAMPLE.talkMeanSec) - (sigma * sigma) / 2;
  // Arrivals by thinning at the peak rate.
  const peak = 70 / 3600;
  const calls = [];
  for (let t = SAMPLE.openSec; ; ) {
    t += -Math.log(1 - random()) / peak;
    if (t >= SAMPLE.closeSec) break;
    if (random() * peak >= ratePerHour(t / 3600) / 3600) continue;
    calls.push({
      arrival: Math.round(t),
      gold: random() < SAMPLE.goldShare,
      queue: random() < SAMPLE.billingShare ? "billing" : "tech",
      patience: -Math.log(1 - random()) * SAMPLE.patienceMeanSec,
      talk: Math.max(1, Math.round(Math.exp(mu + sigma * normal(random)))),
    });
  }
  // Agents free at `freeAt` while on shift; each takes the waiting call with the earliest virtual arrival.
  const agents = SHIFTS.map(([name, from, to]) => ({ name, from: from * 3600, to: to * 3600, freeAt: from * 3600 }));
  const waiting = [];
  let next = 0;
  const virtual = (call) => call.arrival - (call.gold ? SAMPLE.headStartSec : 0);
  for (let now = SAMPLE.openSec; now <= SAMPLE.closeSec + 4 * 3600; now++) {
    while (next < calls.length && calls[next].arrival <= now) waiting.push(calls[next++]);
    for (let i = waiting.length - 1; i >= 0; i--) {
      const call = waiting[i];
      if (call.arrival + call.patience <= now) {
        call.ended = Math.round(call.arrival + call.patience);
        waiting.splice(i, 1);
      }
    }
    for (const agent of agents) {
      if (waiting.length === 0) break;
      if (agent.freeAt > now || now < agent.from || now >= agent.to) continue;
      let best = 0;
      for (let i = 1; i < waiting.length; i++) if (virtual(waiting[i]) < virtual(waiting[best])) best = i;
      const call = waiting.splice(best, 1)[0];
      call.answered = now;
      call.ended = now + call.talk;
      call.agent = agent.name;
      agent.freeAt = call.ended + SAMPLE.afterCallWorkSec;
    }
    if (next >= calls.length && waiting.length === 0 && now > SAMPLE.closeSec) break;
  }
  const clock = (sec) => {
    const h = String(Math.floor(sec / 3600)).padStart(2, "0");
    const m = String(Math.floor((sec % 3600) / 60)).padStart(2, "0");
    const s = String(sec % 60).padStart(2, "0");
    return `${date}T${h}:${m}:${s}`;
  };
  return calls
    .filter((call) => call.ended !== undefined)
    .map((call) => [
      clock(call.arrival),
      call.queue,
      call.gold ? "gold" : "standard",
      call.answered === undefined ? "" : clock(call.answered),
      clock(call.ended),
      call.answered === undefined ? "abandoned" : "answered",
      call.agent ?? "",
    ]);
}

/** The sample log as csv text; `days` (dates) other than the sample's two make a longer log (the benchmark's). */
export function sampleCallLog(days = SAMPLE.days) {
  const random = seedrandom.xor4096("ccplan sample call log");
  const rows = days.flatMap((date) => simulateDay(date, random));
  return ["arrival,queue,class,answered,ended,outcome,agent", ...rows.map((row) => row.join(","))].join("\n") + "\n";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL("../../../examples/call-log-sample.csv", import.meta.url), sampleCallLog());
  console.log("wrote examples/call-log-sample.csv");
}
