import { z } from "zod";
import { scenarioSchema } from "./scenario.js";

/**
 * The JSON Schema (draft 2020-12) of a scenario file, for editors: what a file may contain (`io: "input"`,
 * so fields with defaults are optional and carry their `default`). Cross-field rules and size limits are
 * not expressible in it and are left out (zod skips refinements); `parseScenario` checks them.
 * Deterministic: the same schema always gives the same object, keys in the same order.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
}

/** `scenarioJsonSchema()` as the text of scenarios/schema.json: two-space indents and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
