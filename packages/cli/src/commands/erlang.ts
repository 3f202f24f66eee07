import { erlang, solveAgents, type ErlangModel, type ErlangResult } from "@ccplan/core";
import { choiceFlag, numberFlag, parseCommandArgs, requiredNumberFlag } from "../args.js";
import { InputError } from "../errors.js";
import { FLAG_RANGES } from "../flagRanges.js";
import { formatValue, renderTable } from "../format/units.js";

export const erlangHelp = `ccplan erlang --model b|c|a --rate <contacts per hour> --aht <seconds> --agents <n>
              [--patience <seconds>] [--target <seconds>] [--json]
ccplan erlang --model c|a --rate R --aht A --solve-agents --target-sl 0.8 --target 20
              [--max-occupancy 0.85] [--shrinkage 0.3] [--patience P] [--json]

Exact queueing formulas: Erlang B (blocked contacts lost), Erlang C (M/M/n, infinite patience) and Erlang A
(M/M/n+M, exponential patience with mean --patience). With --solve-agents, the fewest agents that reach the target
service level (Erlang A judges 'serviceLevel': answered within the target over all offered), then the scheduled
agents after shrinkage. JSON uses seconds and fractions; fields a model does not define are null.`;

const FIELDS = [
  "model",
  "offeredLoad",
  "agents",
  "stable",
  "probWait",
  "probAbandon",
  "asa",
  "meanWaitAll",
  "serviceLevel",
  "serviceLevelWaitWithin",
  "occupancy",
  "meanQueueLength",
] as const;

/** `ccplan erlang`: prints the formula's KPIs as a table or one JSON object. */
export function runErlang(args: string[], write: (text: string) => void): void {
  const { values } = parseCommandArgs("erlang", args, {
    model: { type: "string" },
    rate: { type: "string" },
    aht: { type: "string" },
    agents: { type: "string" },
    patience: { type: "string" },
    target: { type: "string" },
    "solve-agents": { type: "boolean" },
    "target-sl": { type: "string" },
    "max-occupancy": { type: "string" },
    shrinkage: { type: "string" },
    json: { type: "boolean" },
  });
  const model = choiceFlag<ErlangModel>("model", values.model, ["b", "c", "a"], "c");
  const ratePerHour = requiredNumberFlag("rate", values.rate, FLAG_RANGES.rate);
  const ahtSec = requiredNumberFlag("aht", values.aht, FLAG_RANGES.aht);
  const patienceSec = numberFlag("patience", values.patience, FLAG_RANGES.patience);
  const targetAnswerSec = numberFlag("target", values.target, FLAG_RANGES.target) ?? 20;
  if (model === "a" && patienceSec === undefined) {
    throw new InputError("missing --patience: Erlang A needs the callers' mean patience in seconds");
  }
  const arrivalRatePerSec = ratePerHour / 3600;

  let result: ErlangResult & { scheduledAgents?: number; targetMet?: boolean };
  if (values["solve-agents"]) {
    if (model === "b") throw new InputError("invalid --model: b with --solve-agents; expected c or a");
    result = solveAgents({
      model,
      arrivalRatePerSec,
      ahtSec,
      patienceSec,
      targetAnswerSec,
      targetServiceLevel: requiredNumberFlag("target-sl", values["target-sl"], FLAG_RANGES.targetServiceLevel),
      maxOccupancy: numberFlag("max-occupancy", values["max-occupancy"], { min: 0, max: 1, exclusiveMin: true }),
      shrinkage: numberFlag("shrinkage", values.shrinkage, { min: 0, max: 0.99 }) ?? 0,
    });
  } else {
    const agents = requiredNumberFlag("agents", values.agents, { ...FLAG_RANGES.agents, min: 1 });
    result = erlang(model, { arrivalRatePerSec, ahtSec, agents, patienceSec, targetAnswerSec });
  }

  if (values.json) {
    const output: Record<string, unknown> = {};
    for (const field of FIELDS) output[field] = result[field];
    if (result.scheduledAgents !== undefined) {
      output.scheduledAgents = result.scheduledAgents;
      output.targetMet = result.targetMet;
    }
    write(`${JSON.stringify(output, null, 2)}\n`);
    return;
  }
  write(`${renderErlangTable(result, targetAnswerSec)}\n`);
}

function renderErlangTable(
  result: ErlangResult & { scheduledAgents?: number; targetMet?: boolean },
  targetAnswerSec: number,
): string {
  const name = { b: "Erlang B (blocked contacts lost)", c: "Erlang C (M/M/n)", a: "Erlang A (M/M/n+M)" }[result.model];
  const rows: string[][] = [
    ["Offered load", `${formatValue(result.offeredLoad, "erlangs")} erlangs`],
    ["Agents", String(result.agents)],
  ];
  if (result.scheduledAgents !== undefined) rows.push(["Scheduled agents (after shrinkage)", String(result.scheduledAgents)]);
  rows.push([result.model === "b" ? "Blocking probability" : "Probability of waiting", formatValue(result.probWait, "fraction")]);
  if (result.model === "a") rows.push(["Probability of abandoning", formatValue(result.probAbandon, "fraction")]);
  if (result.model !== "b") {
    rows.push(
      [`Service level (answered ≤ ${targetAnswerSec} s)`, formatValue(result.serviceLevel, "fraction")],
      ["Average speed of answer", formatValue(result.asa, "seconds")],
    );
    if (result.model === "a") {
      rows.push(
        [`Service level (wait or abandon ≤ ${targetAnswerSec} s)`, formatValue(result.serviceLevelWaitWithin, "fraction")],
        ["Mean wait, all arrivals", formatValue(result.meanWaitAll, "seconds")],
      );
    }
    // No unit after the dash of a length the formula does not define (an unstable queue's).
    const queueLength = formatValue(result.meanQueueLength, "agents");
    rows.push(["Mean queue length", queueLength === "–" ? queueLength : `${queueLength} contacts`]);
  }
  rows.push(["Occupancy", formatValue(result.occupancy, "fraction")]);
  const notes: string[] = [];
  if (!result.stable) notes.push("The queue is unstable: load ≥ agents, so waits grow without bound. Add agents.");
  if (result.targetMet === false) notes.push("The target cannot be met within 20,000 agents.");
  return [name, renderTable(["KPI", "Value"], rows), ...notes].join("\n");
}
