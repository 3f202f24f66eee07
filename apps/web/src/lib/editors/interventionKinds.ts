import { alternatives, SCENARIO_SCHEMA, type SchemaNode } from "./schema.js";

/** The kinds of intervention core's schema defines, in its order (staffing first), including kinds added later. */
export function interventionKinds(): string[] {
  const list = SCENARIO_SCHEMA.properties?.interventions as SchemaNode | undefined;
  return alternatives(list?.items)
    .map((option) => option.properties?.kind?.const)
    .filter((kind): kind is string => typeof kind === "string");
}
