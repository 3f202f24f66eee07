import type { ScenarioIssue } from "@ccplan/core";
import { isWithin } from "./paths.js";

/** Core's issues, looked up by the field they name. */
export interface IssueIndex {
  readonly all: readonly ScenarioIssue[];
  /** Issues that name exactly this field. */
  at(path: string): ScenarioIssue[];
  /** Issues that name this field or anything inside it. */
  within(path: string): ScenarioIssue[];
}

/** Indexes issues by path, so each field finds its own message beside it. */
export function indexIssues(issues: readonly ScenarioIssue[]): IssueIndex {
  const byPath = new Map<string, ScenarioIssue[]>();
  for (const issue of issues) {
    const list = byPath.get(issue.path);
    if (list) list.push(issue);
    else byPath.set(issue.path, [issue]);
  }
  return {
    all: issues,
    at: (path) => byPath.get(path) ?? [],
    within: (path) => issues.filter((issue) => isWithin(issue.path, path)),
  };
}
