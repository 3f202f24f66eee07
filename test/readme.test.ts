import { readFileSync, writeFileSync } from "node:fs";
import { KPI_REGISTRY } from "@ccplan/core";
import { expect, it } from "vitest";

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

it("the README's KPI table is the registry's", () => {
  const readme = readFileSync(README, "utf8");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  expect(start, "README.md lacks the KPI table markers").toBeGreaterThanOrEqual(0);
  const current = readme.slice(start + START.length, end).trim();
  if (process.env.UPDATE_GOLDEN === "1" && current !== kpiTable()) {
    writeFileSync(README, `${readme.slice(0, start + START.length)}\n${kpiTable()}\n${readme.slice(end)}`);
    return;
  }
  expect(current).toBe(kpiTable());
});

it("the README gives the two quick-start commands", () => {
  const readme = readFileSync(README, "utf8");
  expect(readme).toContain("npm ci && npm start");
  expect(readme).toContain("npm test");
});
