import { describe, expect, it } from "vitest";
import { SCENARIO_SCHEMA, helpText, type SchemaNode } from "./editors/schema";
import { withArticleTitles } from "./sources";

describe("withArticleTitles", () => {
  it("names an article by its title instead of its file id", () => {
    expect(withArticleTitles("Default −0.05: article 000_84b7cbeb28961648.")).toBe(
      "Default −0.05: the article “The customer-service KPI dimensions 90% of companies overlook (with formulas)” (2025).",
    );
    expect(withArticleTitles("article 004_49af8e83df4febe5 names LTV")).toContain("“How to assess a contact center's contribution to the business”");
    expect(withArticleTitles("article 999_0000000000000000 stays")).toBe("article 999_0000000000000000 stays");
  });

  it("leaves no file id in any help text of the scenario editors", () => {
    const ids: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const text = typeof (node as SchemaNode).description === "string" ? helpText(node as SchemaNode) : "";
        const found = /\d{3}_[0-9a-f]{16}/.exec(text);
        if (found) ids.push(`${found[0]} in “${text.slice(0, 60)}…”`);
        Object.values(node).forEach(walk);
      }
    };
    walk(SCENARIO_SCHEMA);
    expect(ids).toEqual([]);
  });
});
