import { z } from "zod";
import { scenarioSchema } from "./scenario.js";
import { GENERIC_FORMS, isUncertainNumberSchema } from "./uncertain.js";

/**
 * The JSON Schema (draft 2020-12) of a scenario file, for editors: what a file may contain (`io: "input"`,
 * so fields with defaults are optional and carry their `default`). Cross-field rules and size limits are
 * not expressible in it and are left out (zod skips refinements); `parseScenario` checks them.
 * Deterministic: the same schema always gives the same object, keys in the same order.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  // An uncertain-capable number is its field's plain number, or a reference to the graded and uncertain forms,
  // written once in $defs instead of in full at every field.
  const schema = z.toJSONSchema(scenarioSchema, {
    io: "input",
    target: "draft-2020-12",
    override: (ctx) => {
      if (!isUncertainNumberSchema(ctx.zodSchema)) return;
      const json = ctx.jsonSchema as Record<string, unknown>;
      const plain = (json.anyOf as unknown[])[0];
      delete json.anyOf;
      json.anyOf = [plain, { $ref: "#/$defs/gradedNumber" }, { $ref: "#/$defs/uncertainNumber" }];
    },
  }) as Record<string, unknown>;
  const forms = Object.fromEntries(
    Object.entries(GENERIC_FORMS).map(([name, form]) => {
      const { $schema: _drop, ...json } = z.toJSONSchema(form, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
      return [name, json];
    }),
  );
  schema.$defs = { ...(schema.$defs as Record<string, unknown> | undefined), ...forms };
  return schema;
}

/** `scenarioJsonSchema()` as the text of scenarios/schema.json: two-space indents and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
