import { z } from "zod";
import { scenarioSchema } from "./scenario.js";

/**
 * The JSON Schema (draft 2020-12) of a scenario file, for editors: what a file may contain (`io: "input"`,
 * so fields with defaults are optional and show their default). Cross-field rules and size limits cannot
 * be expressed in it: `parseScenario` checks those. Deterministic, so scenarios/schema.json can be
 * compared with it.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
}
