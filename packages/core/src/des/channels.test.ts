import { describe, expect, it } from "vitest";
import { computeKpis } from "../kpi/registry.js";
import { GroupCounter as G, QUEUE_COUNTER_COUNT, QueueCounter as Q, sumCounters, type ReplicationResult } from "./result.js";
import { createSimulator, simulateReplication } from "./simulate.js";
import { deterministic, exponential, queueCounter, testPlan } from "./testing/testPlan.js";

const HOUR = 3600;
const totals = (result: ReplicationResult, queue?: number) =>
  sumCounters(result, { from: 0, to: result.intervalCount, ...(queue === undefined ? {} : { queue }) });
const SERVICE_COUNTERS = [Q.offered, Q.answered, Q.answeredWithinTarget, Q.abandoned, Q.delayed, Q.waitAnsweredSumSec, Q.waitAbandonedSumSec, Q.handleSumSec, Q.queueLengthSec];

describe("chat", () => {
  const chat = (agents: number, maxSessions: number, growth: number) =>
    testPlan({
      intervalCount: 16,
      queues: [{ perHour: 150, handle: exponential(300), patience: exponential(240), channel: "chat", chatMaxSessions: maxSessions, chatHandleGrowthPerSession: growth }],
      groups: [{ agents }],
    });

  it("5 agents with 2 sessions each and no slowdown serve exactly as 10 agents with one (same customers)", () => {
    const sessions = simulateReplication(chat(5, 2, 0), 0);
    const agents = simulateReplication(chat(10, 1, 0), 0);
    for (let cell = 0; cell < 16; cell++) {
      for (const counter of SERVICE_COUNTERS) {
        expect(sessions.queueCounters[cell * QUEUE_COUNTER_COUNT + counter]).toBe(agents.queueCounters[cell * QUEUE_COUNTER_COUNT + counter]);
      }
      // Occupancy is in agents: two sessions make one busy agent.
      expect(sessions.groupCounters[cell * 3 + G.busySec]).toBeCloseTo(agents.groupCounters[cell * 3 + G.busySec]! / 2, 6);
    }
  });

  it("concurrency raises throughput even as each session slows down, and the slowdown shows in AHT", () => {
    const one = computeKpis(totals(simulateReplication(chat(6, 1, 0.25), 0)));
    const three = computeKpis(totals(simulateReplication(chat(6, 3, 0.25), 0)));
    expect(three.answered!).toBeGreaterThan(one.answered! * 1.3);
    expect(three.abandonRate!).toBeLessThan(one.abandonRate!);
    // Sessions beside one or two others take 1.25× or 1.5× as long: AHT between 300 s and 450 s.
    expect(three.aht!).toBeGreaterThan(one.aht! * 1.1);
    expect(three.aht!).toBeLessThan(300 * 1.5 * 1.1);
    expect(three.occupancy!).toBeLessThanOrEqual(1);
  });

  it("a call needs a whole agent: free sessions wait for it when the group puts calls first", () => {
    // Two agents with three chat slots each and a chat line that never empties.
    const mixed = (serves: number[]) =>
      testPlan({
        intervalCount: 8,
        queues: [
          { perHour: 10, handle: exponential(180), patience: exponential(600) },
          { perHour: 200, handle: exponential(300), patience: exponential(600), channel: "chat", chatMaxSessions: 3 },
        ],
        groups: [{ agents: 2, serves }],
      });
    const callsFirst = totals(simulateReplication(mixed([0, 1]), 0), 0).queue;
    const chatsFirst = totals(simulateReplication(mixed([1, 0]), 0), 0).queue;
    // Calls first: the sessions an agent frees are kept until it has none, then the call takes it.
    expect(callsFirst[Q.answered]! / callsFirst[Q.offered]!).toBeGreaterThan(0.7);
    // Chats first: a freed session always goes to a waiting chat, so calls are answered only while no chat waits.
    expect(chatsFirst[Q.answered]! / chatsFirst[Q.offered]!).toBeLessThan(0.3);
  });
});

describe("email", () => {
  // Emails all day and night, a team from 09:00 to 17:00 on two days; nobody gives up on an email.
  const plan = (targetSec: number) =>
    testPlan({
      intervalSec: HOUR,
      intervalCount: 48,
      queues: [{ perHour: 20, handle: exponential(300), channel: "email", targetAnswerSec: targetSec, fcr: 1 }],
      groups: [{ agents: [[0, 0], [9 * HOUR, 8], [17 * HOUR, 0], [33 * HOUR, 8], [41 * HOUR, 0]] }],
    });

  it("is a backlog: night emails wait for the morning, are all answered, and carry over into the next day", () => {
    const result = simulateReplication(plan(24 * HOUR), 0);
    const all = totals(result).queue;
    // Everything that came before 17:00 on day 1 is answered that day (8 agents clear the night's backlog by noon).
    const early = sumCounters(result, { from: 0, to: 17 }).queue;
    expect(early[Q.answered]).toBe(early[Q.offered]);
    expect(all[Q.abandoned]).toBe(0);
    // An email of 02:00 on day 1 waits about 7 hours; the ones of the evening wait into the next day.
    expect(queueCounter(result, 2, 0, Q.waitAnsweredSumSec) / queueCounter(result, 2, 0, Q.answered)).toBeGreaterThan(6 * HOUR);
    expect(queueCounter(result, 20, 0, Q.waitAnsweredSumSec) / queueCounter(result, 20, 0, Q.answered)).toBeGreaterThan(12 * HOUR);
  });

  it("its service level is answered within the target in hours", () => {
    const generous = computeKpis(sumCounters(simulateReplication(plan(24 * HOUR), 0), { from: 0, to: 24 }));
    const strict = computeKpis(sumCounters(simulateReplication(plan(HOUR), 0), { from: 0, to: 24 }));
    expect(generous.serviceLevel).toBe(1);
    // Only emails of the afternoon, once the night's backlog is cleared, meet one hour: a fifth to a third of them.
    expect(strict.serviceLevel!).toBeGreaterThan(0.15);
    expect(strict.serviceLevel!).toBeLessThan(0.35);
  });

  it("waits behind calls: a group serving phone first and email second answers email only when no call waits", () => {
    const mixed = testPlan({
      intervalCount: 16,
      queues: [
        { perHour: 170, handle: exponential(180), patience: exponential(300) },
        { perHour: 30, handle: exponential(300), channel: "email", targetAnswerSec: 4 * HOUR },
      ],
      groups: [{ agents: 10, serves: [0, 1] }],
    });
    const kpis = (q: number) => computeKpis(totals(simulateReplication(mixed, 0), q));
    expect(kpis(1).asa!).toBeGreaterThan(kpis(0).asa! * 3);
    expect(kpis(1).abandoned).toBe(0);
  });

  it("repeats come back at any hour (customers write when they like), unlike calls", () => {
    const repeating = testPlan({
      intervalSec: HOUR,
      intervalCount: 48,
      queues: [{ perHour: Array.from({ length: 48 }, (_, i) => (i % 24 >= 9 && i % 24 < 17 ? 20 : 0)), channel: "email", fcr: 0.5, repeatDelay: exponential(6 * HOUR) }],
      groups: [{ agents: [[0, 0], [9 * HOUR, 4], [17 * HOUR, 0], [33 * HOUR, 4], [41 * HOUR, 0]] }],
    });
    const night = sumCounters(simulateReplication(repeating, 0), { from: 18, to: 33 }).queue;
    expect(night[Q.repeatOffered]).toBeGreaterThan(0);
  });
});

describe("self-service", () => {
  const plan = testPlan({
    intervalCount: 16,
    queues: [
      { perHour: 100, handle: exponential(240), patience: exponential(120) },
      { perHour: 60, handle: exponential(240), channel: "selfService", fcr: 0.7, repeatDelay: exponential(HOUR) },
    ],
    groups: [{ agents: 8, serves: [0] }],
  });
  plan.wagePerHour = 30;

  it("never waits: every contact is served at once, without an agent, and its problems repeat as others do", () => {
    const simulator = createSimulator(plan);
    for (let k = 0; k < 3; k++) {
      const result = simulator.run(k);
      const online = totals(result, 1).queue;
      expect(online[Q.answered]).toBe(online[Q.offered]);
      expect(online[Q.answeredWithinTarget]).toBe(online[Q.offered]);
      expect([online[Q.delayed], online[Q.abandoned], online[Q.waitAnsweredSumSec], online[Q.handleSumSec], online[Q.agentSec]]).toEqual([0, 0, 0, 0, 0]);
      expect(online[Q.repeatOffered]).toBeGreaterThan(0);
      expect(online[Q.selfServed]).toBe(online[Q.answered]);
    }
  });

  it("counts as served online, costs no agent time, and leaves AHT to the agents' contacts", () => {
    const result = simulateReplication(plan, 0);
    const all = computeKpis(totals(result));
    const phone = totals(result, 0).queue;
    const online = totals(result, 1).queue;
    expect(all.onlineShare).toBeCloseTo(online[Q.answered]! / (phone[Q.offered]! + online[Q.offered]!), 12);
    expect(all.aht).toBeCloseTo(phone[Q.handleSumSec]! / phone[Q.answered]!, 9);
    expect(computeKpis(totals(result, 1)).costPerContact).toBe(0);
    // The group's hours all go to the phone line: 8 agents × 8 hours × 30 an hour over the calls answered.
    expect(computeKpis(totals(result, 0)).costPerContact).toBeCloseTo((8 * 8 * 30) / phone[Q.answered]!, 9);
    expect(all.costPerContact).toBeCloseTo((8 * 8 * 30) / (phone[Q.answered]! + online[Q.answered]!), 9);
  });
});

describe("cost shares", () => {
  it("a group's scheduled hours are shared among its queues by the handle time it gave them", () => {
    const plan = testPlan({
      intervalCount: 8,
      queues: [
        { perHour: 60, handle: deterministic(120) },
        { perHour: 30, handle: deterministic(480), channel: "chat" },
      ],
      groups: [{ agents: 6, serves: [0, 1] }],
    });
    const result = simulateReplication(plan, 0);
    const phone = totals(result, 0).queue;
    const chat = totals(result, 1).queue;
    expect(phone[Q.agentSec]! + chat[Q.agentSec]!).toBeCloseTo(6 * 4 * HOUR, 6);
    // About 2 hours of calls and 4 of chats an hour: a third and two thirds.
    expect(phone[Q.agentSec]! / (6 * 4 * HOUR)).toBeGreaterThan(0.25);
    expect(phone[Q.agentSec]! / (6 * 4 * HOUR)).toBeLessThan(0.42);
  });
});
