import { scenarioJsonSchema } from "@ccplan/core";
import type { FieldPath } from "../scenario/paths.js";
import { withArticleTitles } from "../sources.js";

/** A node of core's JSON Schema of a scenario file (draft 2020-12, as `scenarioJsonSchema` writes it). */
export type SchemaNode = Record<string, unknown> & {
  type?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  $ref?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  /** A record's value schema (`z.record`): the capacity plan's groups, keyed by the scenario's group names. */
  additionalProperties?: SchemaNode | boolean;
};

/** The scenario file's JSON Schema: the one source of the editors' help texts, defaults and field lists. */
export const SCENARIO_SCHEMA = scenarioJsonSchema() as SchemaNode;
const DEFS = (SCENARIO_SCHEMA.$defs ?? {}) as Record<string, SchemaNode>;

/** The node a `$ref` points at (repeatedly), or the node itself. */
export function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let guard = 0; current?.$ref !== undefined && guard < 10; guard++) {
    const ref = current.$ref;
    current = ref.startsWith("#/$defs/") ? DEFS[ref.slice("#/$defs/".length)] : undefined;
  }
  return current;
}

/** The alternatives of a union node (anyOf / oneOf), dereferenced; a plain node is its own one alternative. */
export function alternatives(node: SchemaNode | undefined): SchemaNode[] {
  const resolved = deref(node);
  if (!resolved) return [];
  const list = resolved.anyOf ?? resolved.oneOf;
  return list ? list.flatMap((entry) => alternatives(entry)) : [resolved];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The object alternative of `node` that fits `value`: the one whose `kind` or `dist` constant it carries, else the first
 * with all of its keys, else the first object alternative. */
export function chooseAlternative(node: SchemaNode | undefined, value: unknown): SchemaNode | undefined {
  const options = alternatives(node);
  if (options.length <= 1) return options[0];
  const objects = options.filter((option) => option.type === "object" || option.properties !== undefined);
  if (isRecord(value)) {
    for (const discriminant of ["kind", "dist"]) {
      const found = objects.find((option) => option.properties?.[discriminant]?.const !== undefined && option.properties[discriminant]!.const === value[discriminant]);
      if (found) return found;
    }
    const keys = Object.keys(value);
    const fitting = objects.find((option) => keys.every((key) => option.properties?.[key] !== undefined));
    if (fitting) return fitting;
  }
  if (Array.isArray(value)) return options.find((option) => option.type === "array") ?? options[0];
  if (typeof value === "string") return options.find((option) => option.type === "string") ?? options[0];
  return objects[0] ?? options[0];
}

/**
 * The schema node of the field at `path` in `draft`, following `$ref`s and choosing, in every union, the alternative
 * the draft's value fits (an intervention's `kind`, a distribution's `dist`). The node is the field's own, so its
 * `description` and `default` are the field's; undefined for a path the schema does not know.
 */
export function schemaAt(path: FieldPath, draft: unknown): SchemaNode | undefined {
  let node: SchemaNode | undefined = SCENARIO_SCHEMA;
  let value: unknown = draft;
  for (const key of path) {
    const container: SchemaNode | undefined = typeof key === "number" ? deref(node) : chooseAlternative(node, value);
    if (!container) return undefined;
    if (typeof key === "number") {
      const list: SchemaNode | undefined = alternatives(container).find((option) => option.items !== undefined);
      node = list?.items;
      value = Array.isArray(value) ? value[key] : undefined;
    } else {
      // A record (the capacity plan's groups, by name) has no properties: every key's schema is its value schema.
      const values = typeof container.additionalProperties === "object" ? container.additionalProperties : undefined;
      node = container.properties?.[key] ?? values;
      value = isRecord(value) ? value[key] : undefined;
    }
    if (!node) return undefined;
  }
  return node;
}

/** A default as a planner reads it: numbers and text as they are, lists and objects as JSON. */
export function formatDefault(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/**
 * The help text of a field: the schema's description, which names the default's source where it matters (articles
 * by their titles), then the default itself when the description does not already state it.
 */
export function helpText(node: SchemaNode | undefined): string {
  if (!node) return "";
  const description = withArticleTitles(node.description ?? deref(node)?.description ?? "");
  const fallback = node.default ?? deref(node)?.default;
  if (fallback === undefined || /\bdefault\b/i.test(description)) return description;
  if (typeof fallback === "object" && fallback !== null) return description;
  return `${description}${description === "" || description.endsWith(".") ? "" : "."} Default: ${formatDefault(fallback)}.`.trim();
}

/** Help text of the field at `path` in `draft`. */
export function helpAt(path: FieldPath, draft: unknown): string {
  return helpText(schemaAt(path, draft));
}
