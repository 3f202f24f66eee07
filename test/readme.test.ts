import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { centralValue, describeUncertain, EFFECT_PRESETS, isGradedValue, isUncertainSpec, KPI_REGISTRY, scenarioJsonSchema } from "@ccplan/core";
import { expect, it } from "vitest";
import { ccplan } from "./cliRunner.js";
import { expectReadmeBlock } from "./readmeBlock.js";

const README = new URL("../README.md", import.meta.url);
const START = "<!-- kpi-table:start (generated from the KPI registry by test/readme.test.ts; UPDATE_GOLDEN=1 rewrites it) -->";
const END = "<!-- kpi-table:end -->";

/** The README's KPI table, rendered from the registry so the two cannot drift apart. */
function kpiTable(): string {
  const rows = KPI_REGISTRY.map(
    (kpi) => `| \`${kpi.id}\` | ${kpi.label} | ${kpi.unit} | ${kpi.definition} | ${kpi.aggregation} |`,
  );
  return ["| id | KPI | unit (JSON) | definition | within a replication |", "|---|---|---|---|---|", ...rows].join("\n");
}

const PARAMETERS_START = "<!-- parameters:start (generated from the scenario schema by test/readme.test.ts; UPDATE_GOLDEN=1 rewrites it) -->";
const PARAMETERS_END = "<!-- parameters:end -->";

interface SchemaNode {
  type?: string;
  default?: unknown;
  description?: string;
  properties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
  items?: SchemaNode;
}

/** A default as the table shows it: the value, and for a graded or uncertain one its central value, range and grade. */
function defaultText(value: unknown): string {
  if (isUncertainSpec(value) || isGradedValue(value)) return `\`${centralValue(value)}\` (${describeUncertain(value)})`;
  return `\`${JSON.stringify(value)}\``;
}

/** Every documented field of the model sections (resolution, experience, money), with its default and the
 * description the schema gives it (which names the source of each default effect size). */
function parameterTable(): string {
  const schema = scenarioJsonSchema() as unknown as SchemaNode;
  const rows: string[] = [];
  const walk = (node: SchemaNode, path: string) => {
    const objects = [node, ...(node.anyOf ?? [])].filter((candidate) => candidate.properties);
    for (const object of objects) {
      for (const [key, child] of Object.entries(object.properties!)) {
        const childPath = `${path}.${key}`;
        if (child.description) {
          const value = child.default === undefined ? "–" : defaultText(child.default);
          rows.push(`| \`${childPath}\` | ${value} | ${child.description.replaceAll("|", "\\|").replaceAll("\n", " ")} |`);
        }
        walk(child, childPath);
      }
    }
  };
  for (const section of ["resolution", "experience", "money"]) {
    const node = schema.properties?.[section];
    if (node) walk(node, section);
  }
  return ["| field | default | meaning and source of the default |", "|---|---|---|", ...rows].join("\n");
}

it("the README's KPI table is the registry's", () => expectReadmeBlock(START, END, kpiTable()));

it("the README's table of model parameters is the schema's, defaults and sources included", () =>
  expectReadmeBlock(PARAMETERS_START, PARAMETERS_END, parameterTable()));

it("the README gives the two quick-start commands", () => {
  const readme = readFileSync(README, "utf8");
  expect(readme).toContain("npm ci && npm start");
  expect(readme).toContain("npm test");
});

/** The commands `ccplan` has, as its own refusal of an unknown one lists them. */
function cliCommands(): string[] {
  const run = ccplan("no-such-command");
  const listed = /expected one of (.*)$/m.exec(run.stderr);
  expect(listed, run.stderr).not.toBeNull();
  return listed![1]!.split(", ");
}

/** The flags a command takes, as its own refusal of an unknown flag lists them (the parser's set, not the help's). */
function commandFlags(command: string): string[] {
  const run = ccplan(command, "--no-such-flag");
  const listed = /expected one of its options: (.*?) \(ccplan help/.exec(run.stderr);
  expect(listed, run.stderr).not.toBeNull();
  return listed![1]!.split(", ");
}

/** Each line of the README's code blocks that runs `ccplan <command>` (with or without npx), with its continuation
 * lines (indented under it), as [command, text]. */
function readmeUsageLines(): [string, string][] {
  const lines: [string, string][] = [];
  let fenced = false;
  let current: string | null = null;
  for (const line of readFileSync(README, "utf8").split("\n")) {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      current = null;
      continue;
    }
    if (!fenced) continue;
    const start = /^\s*(?:npx )?ccplan ([a-z]+)/.exec(line);
    if (start) current = start[1]!;
    else if (!/^\s{8,}\[?--/.test(line)) current = null;
    if (current) lines.push([current, line]);
  }
  return lines;
}

it("the README's command line section names every command ccplan has, and no other", () => {
  const readme = readFileSync(README, "utf8");
  const listed = /Commands: ((?:`[a-z]+`(?:, )?)+)\./.exec(readme);
  expect(listed, "the README lacks its 'Commands: `erlang`, …' list").not.toBeNull();
  expect(listed![1]!.split(", ").map((name) => name.replaceAll("`", ""))).toEqual(cliCommands());
});

it("every flag of the README's ccplan lines is one that command takes", () => {
  const usage = readmeUsageLines();
  expect(usage.length).toBeGreaterThan(20);
  const flags = new Map<string, string[]>();
  const unknown: string[] = [];
  for (const [command, line] of usage) {
    if (!flags.has(command)) flags.set(command, commandFlags(command));
    for (const flag of line.match(/--[a-z][a-z-]*/g) ?? []) if (!flags.get(command)!.includes(flag)) unknown.push(`ccplan ${command} ${flag}: ${line.trim()}`);
  }
  expect(unknown).toEqual([]);
  expect([...flags.keys()].sort()).toEqual(cliCommands().sort());
});

const PRESETS_START = "<!-- presets:start (generated from core's EFFECT_PRESETS by test/readme.test.ts; UPDATE_GOLDEN=1 rewrites it) -->";
const PRESETS_END = "<!-- presets:end -->";

/** The articles' presets as a user types them into a scenario file: the distribution, rounded past float noise
 * (0.15 × 1.5 is 0.22499999999999998), and its source apart. */
function presetTable(): string {
  const tidy = (value: unknown) => (typeof value === "number" ? Number(value.toPrecision(12)) : value);
  const rows = EFFECT_PRESETS.map((preset) => {
    const { source, ...spec } = preset.value as unknown as Record<string, unknown>;
    const value = JSON.stringify(Object.fromEntries(Object.entries(spec).map(([key, item]) => [key, tidy(item)]))).replaceAll(",", ", ").replaceAll(":", ": ");
    return `| ${preset.label} | \`${preset.kind}.${preset.field}\` | \`${value}\` | ${String(source)} |`;
  });
  return ["| preset | field | value | source |", "|---|---|---|---|", ...rows].join("\n");
}

it("the README's table of the articles' effect presets is core's", () => expectReadmeBlock(PRESETS_START, PRESETS_END, presetTable()));

/** The README's ```jsonc blocks, comments stripped, parsed (a bare `"key": {…}` fragment wrapped in braces). */
function readmeJsoncBlocks(): unknown[] {
  const blocks = [...readFileSync(README, "utf8").matchAll(/^\s*```jsonc\n([\s\S]*?)^\s*```/gm)].map((match) => match[1]!);
  return blocks.map((block) => {
    const json = block.replace(/\s\/\/.*$/gm, "").trim();
    return JSON.parse(json.startsWith("{") ? json : `{${json}}`);
  });
}

/** Where `sample` says something `actual` says otherwise: every key of a sample object must hold the same in the
 * actual one, and every item of a sample list must be (a part of) some item of the actual list. */
function mismatches(sample: unknown, actual: unknown, path = ""): string[] {
  if (Array.isArray(sample)) {
    if (!Array.isArray(actual)) return [`${path}: a list in the README, ${JSON.stringify(actual)} in the file`];
    if (sample.every((item) => typeof item !== "object")) return JSON.stringify(sample) === JSON.stringify(actual) ? [] : [`${path}: ${JSON.stringify(sample)} in the README, ${JSON.stringify(actual)} in the file`];
    return sample.flatMap((item, index) => (actual.some((candidate) => mismatches(item, candidate).length === 0) ? [] : [`${path}[${index}]: ${JSON.stringify(item)} is in no entry of the file's list`]));
  }
  if (sample && typeof sample === "object") {
    if (!actual || typeof actual !== "object") return [`${path}: an object in the README, ${JSON.stringify(actual)} in the file`];
    return Object.entries(sample).flatMap(([key, value]) => mismatches(value, (actual as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return sample === actual ? [] : [`${path}: ${JSON.stringify(sample)} in the README, ${JSON.stringify(actual)} in the file`];
}

it("the README's sample scenario and capacity block are excerpts of scenarios/default.json and scenarios/year-plan.json", () => {
  const [scenario, capacity, ...rest] = readmeJsoncBlocks();
  expect(rest).toEqual([]);
  const file = (name: string) => JSON.parse(readFileSync(new URL(`../scenarios/${name}`, import.meta.url), "utf8"));
  expect(mismatches(scenario, file("default.json"))).toEqual([]);
  expect(mismatches(capacity, file("year-plan.json"))).toEqual([]);
});

it("the README's figures for the bank's backtest are what ccplan calibrate and ccplan backtest give, as printed there", () => {
  const log = "../shared/data/anonymous-bank-1999-02-01-to-14.tsv";
  const dir = mkdtempSync(join(tmpdir(), "ccplan-readme-bank-"));
  try {
    const calibrationFile = join(dir, "bank-calibration.json");
    const calibrated = ccplan("calibrate", log, "--days", "1999-02-01..1999-02-07", "--out", calibrationFile);
    expect(calibrated.code, calibrated.stderr).toBe(0);
    const backtest = ccplan("backtest", log, "--days", "1999-02-08..1999-02-14", "--calibration", calibrationFile, "--json");
    expect(backtest.code, backtest.stderr).toBe(0);
    const { errors, erlangA } = JSON.parse(backtest.stdout);
    const calibration = JSON.parse(readFileSync(calibrationFile, "utf8"));
    const readme = readFileSync(README, "utf8");
    const block = readme.slice(readme.indexOf("<!-- bank-backtest:start -->"), readme.indexOf("<!-- bank-backtest:end -->"));
    expect(block.length).toBeGreaterThan(100);
    const points = (value: number) => `${value.toFixed(2)} points`;
    const priority = calibration.classes.headStarts.find((entry: { name: string }) => entry.name === calibration.model.priority.name);
    for (const expected of [
      `| abandonment | **${points(errors.abandonRatePoints)}** | ${points(erlangA.errors.abandonRatePoints)} |`,
      `| service level (answered within 20 s over offered) | **${points(errors.serviceLevelPoints)}** | ${points(erlangA.errors.serviceLevelPoints)} |`,
      `| ASA | ${errors.asaSeconds.toFixed(1)} s | ${erlangA.errors.asaSeconds.toFixed(1)} s |`,
      `priority ${priority.name} with a head start of ${priority.headStartSec} s (95% CI ${priority.ci95[0]}–${priority.ci95[1]} s;`,
      `after-call work measured at ${calibration.afterCallWork.measured.allowanceSec.toFixed(1)} s and an allowance of ${calibration.afterCallWork.fitted.allowanceSec.toFixed(1)} s per call`,
      `(the bias over the week is ${errors.bias.serviceLevelPoints >= 0 ? "+" : "−"}${Math.abs(errors.bias.serviceLevelPoints).toFixed(1)} points)`,
    ]) {
      expect(block.replaceAll("\n", " ")).toContain(expected);
    }
    // The sentences around the table say which method wins: true of these figures.
    expect(errors.abandonRatePoints).toBeLessThan(erlangA.errors.abandonRatePoints);
    expect(errors.serviceLevelPoints).toBeLessThan(erlangA.errors.serviceLevelPoints);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
