// Writes scenarios/schema.json from the built scenario schema (run `npm run build` first, or through turbo).
// A test in packages/core/src/schema/jsonSchema.test.ts fails when the committed file is out of date.
import { readFile, writeFile } from "node:fs/promises";
import { scenarioJsonSchemaText } from "../dist/index.js";

const target = new URL("../../../scenarios/schema.json", import.meta.url);
const text = scenarioJsonSchemaText();
const previous = await readFile(target, "utf8").catch(() => "");
if (previous === text) {
  console.log("scenarios/schema.json is up to date");
} else {
  await writeFile(target, text);
  console.log("wrote scenarios/schema.json");
}
