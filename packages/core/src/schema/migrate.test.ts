import { expect, it } from "vitest";
import { migrate } from "./migrate.js";

it("migrate passes a version 1 file through unchanged, as the same object", () => {
  const file = { version: 1, name: "x" };
  const result = migrate(file);
  expect(result).toEqual({ ok: true, scenario: file, fromVersion: 1 });
  if (result.ok) expect(result.scenario).toBe(file);
});

it("migrate leaves a value that is not an object for the schema to report", () => {
  expect(migrate("text")).toEqual({ ok: true, scenario: "text", fromVersion: 1 });
});

it("migrate reports a missing version", () => {
  expect(migrate({ name: "x" })).toEqual({
    ok: false,
    issues: [{ path: "version", message: 'missing field "version"; expected 1 (the current scenario format): add "version": 1 at the top of the file', received: "nothing", expected: "1 (the current scenario format)" }],
  });
});

it("migrate reports a newer version and one that is not a version", () => {
  const newer = migrate({ version: 3 });
  expect(newer.ok ? "" : newer.issues[0]!.message).toBe(
    "scenario version 3 is newer than this ccplan understands (version 1); expected 1 (the current scenario format): upgrade ccplan to read it",
  );
  const text = migrate({ version: "1" });
  expect(text.ok ? "" : text.issues[0]!.message).toBe('unknown scenario version; expected 1 (the current scenario format), received "1"');
  const zero = migrate({ version: 0 });
  expect(zero.ok).toBe(false);
});
