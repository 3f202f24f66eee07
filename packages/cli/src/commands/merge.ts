import { createRunAccumulator, mergeShards } from "@ccplan/core";
import { parseCommandArgs } from "../args.js";
import { InputError } from "../errors.js";
import { readUserFile } from "../io.js";
import { readReportFlags, writeReport, REPORT_FLAGS, REPORT_FLAGS_HELP } from "./reportFlags.js";

export const mergeHelp = `ccplan merge <part.json>… [--target-sl F] [--all-intervals] [--json | --csv]

Combines the shard files written by 'ccplan simulate … --replications N --shard I/M' (any order) into exactly the
output of one unsharded run of N replications. Refuses gaps, overlaps, and shards of different scenarios, seeds
or run lengths. Example for a job array of 8 tasks:
  ccplan simulate big.json --replications 1000 --shard $TASK/8 > part$TASK.json   # one task each
  ccplan merge part*.json --json > result.json                                  # afterwards
${REPORT_FLAGS_HELP}`;

/** `ccplan merge`: reads shard files, merges them in replication order and prints the summary of the whole run. */
export function runMerge(args: string[], write: (text: string) => void): void {
  const { values, positionals } = parseCommandArgs("merge", args, { json: { type: "boolean" }, ...REPORT_FLAGS });
  const report = readReportFlags(values);
  if (positionals.length === 0) throw new InputError("ccplan merge needs at least one shard file (written by ccplan simulate --shard I/N)");
  const documents = positionals.map((path) => {
    const text = readUserFile(path, "shard file");
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new InputError(`${path} is not JSON: ${(error as Error).message}; expected a shard file written by ccplan simulate --shard`);
    }
  });
  let merged;
  try {
    merged = mergeShards(documents, { names: positionals });
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const accumulator = createRunAccumulator(merged, {
    ...(report.targetServiceLevel !== undefined && { targetServiceLevel: report.targetServiceLevel }),
    expectedRows: merged.vectors.length,
  });
  merged.vectors.forEach((vector, k) => accumulator.add(k, vector));
  const statistics = accumulator.summary();
  writeReport(write, statistics, report);
}
