import type { ScenarioIssue } from "./scenarioIssue.js";

/**
 * The text the CLI prints for an invalid scenario, one issue per entry in the manner of zod's
 * `prettifyError`: a heading naming `source` (a file name; "this file" when omitted), then for each
 * issue `✖ message` and, unless it concerns the whole file, `  → at path`.
 */
export function formatScenarioIssues(issues: readonly ScenarioIssue[], source?: string): string {
  const lines = [`${source ?? "this file"} is not a valid scenario:`];
  for (const issue of issues) {
    lines.push(`✖ ${issue.message}`);
    if (issue.path !== "") lines.push(`  → at ${issue.path}`);
  }
  return lines.join("\n");
}
