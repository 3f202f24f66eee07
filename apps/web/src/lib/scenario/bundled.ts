// The repository's scenarios/*.json, bundled into the app at build time (schema.json aside).
const FILES = import.meta.glob<string>(["../../../../../scenarios/*.json", "!**/schema.json"], {
  eager: true,
  query: "?raw",
  import: "default",
});

/** A scenario shipped with ccplan: its file name, its title and its text as in the repository. */
export interface BundledScenario {
  /** File name without `.json`, e.g. `default`. */
  id: string;
  fileName: string;
  /** The file's `name`, or its file name when that cannot be read. */
  title: string;
  text: string;
}

function titleOf(text: string, fallback: string): string {
  try {
    const raw = JSON.parse(text) as { name?: unknown };
    return typeof raw.name === "string" && raw.name !== "" ? raw.name : fallback;
  } catch {
    return fallback;
  }
}

/** Every bundled scenario, `default` first, then by title. */
export const BUNDLED_SCENARIOS: readonly BundledScenario[] = Object.entries(FILES)
  .map(([path, text]) => {
    const fileName = path.slice(path.lastIndexOf("/") + 1);
    const id = fileName.replace(/\.json$/, "");
    return { id, fileName, title: titleOf(text, id), text };
  })
  .sort((a, b) => (a.id === "default" ? -1 : b.id === "default" ? 1 : a.title.localeCompare(b.title)));

/** The scenario the planner opens on: scenarios/default.json. */
export function defaultScenario(): BundledScenario {
  const found = BUNDLED_SCENARIOS.find((entry) => entry.id === "default");
  if (!found) throw new Error("scenarios/default.json is missing from the build");
  return found;
}
