import { readFileSync } from "node:fs";
import { centralValue, describeUncertain, isGradedValue, isUncertainSpec, KPI_REGISTRY, scenarioJsonSchema } from "@ccplan/core";
import { expect, it } from "vitest";
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
