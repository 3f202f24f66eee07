import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema, scenarioJsonSchemaText } from "./jsonSchema.js";

const committed = new URL("../../../../scenarios/schema.json", import.meta.url);

describe("scenarioJsonSchema", () => {
  it("describes the file as written: strict objects, defaults optional, units in the field names", () => {
    const schema = scenarioJsonSchema() as {
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, { default?: unknown; enum?: unknown[] }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["version", "name", "intervalMinutes", "days", "queues", "groups"]);
    expect(schema.properties.seed!.default).toBe(1);
    expect(schema.properties.intervalMinutes!.enum).toEqual([15, 30, 60]);
    expect(Object.keys(schema.properties)).toContain("$schema");
  });

  it("matches the committed scenarios/schema.json", () => {
    const text = readFileSync(committed, "utf8");
    expect(text === scenarioJsonSchemaText(), "scenarios/schema.json is out of date: run npm run schema -w @ccplan/core").toBe(true);
  });
});
