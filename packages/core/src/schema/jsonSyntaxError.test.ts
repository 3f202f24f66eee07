import fc from "fast-check";
import { expect, it } from "vitest";
import { findJsonSyntaxError } from "./jsonSyntaxError.js";

it("findJsonSyntaxError returns undefined for valid JSON", () => {
  for (const text of ['{"a": [1, -2.5e3, "x\\n\\u00e9", true, false, null, {}, []]}', " 1 ", '"s"', "[]"]) {
    expect(findJsonSyntaxError(text)).toBeUndefined();
  }
});

it("findJsonSyntaxError locates each kind of error by line and column", () => {
  expect(findJsonSyntaxError('{\n  "a": 1,\n}')).toEqual({ offset: 12, line: 3, column: 1, message: 'unexpected "}"; expected a key in double quotes (a comma before } is not allowed)' });
  expect(findJsonSyntaxError("[1, 2,]")).toMatchObject({ line: 1, column: 7, message: 'unexpected "]"; expected a value (a comma before ] is not allowed)' });
  expect(findJsonSyntaxError('{"a" 1}')).toMatchObject({ column: 6, message: 'unexpected "1"; expected ":" after the key' });
  expect(findJsonSyntaxError('{"a": 1 "b": 2}')).toMatchObject({ column: 9, message: 'unexpected "\\""; expected "," or "}"' });
  expect(findJsonSyntaxError("{'a': 1}")).toMatchObject({ column: 2, message: "unexpected \"'\"; expected a key in double quotes" });
  expect(findJsonSyntaxError('{"a": tru}')).toMatchObject({ column: 7 });
  expect(findJsonSyntaxError('"abc')).toMatchObject({ column: 1, message: "unterminated string; expected a closing double quote" });
  expect(findJsonSyntaxError('"a\nb"')).toMatchObject({ column: 3, message: "line break inside a string; expected \\n or another escape" });
  expect(findJsonSyntaxError("")).toMatchObject({ line: 1, column: 1, message: 'unexpected end of text; expected a value (a number, "text", true, false, null, [ or {)' });
  expect(findJsonSyntaxError("[1] 2")).toMatchObject({ column: 5, message: 'unexpected "2" after the end of the JSON value; expected nothing more' });
  expect(findJsonSyntaxError("[1")).toMatchObject({ column: 3, message: 'unexpected end of text; expected "," or "]"' });
});

it("findJsonSyntaxError agrees with JSON.parse on deeply nested input without overflowing", () => {
  const deep = "[".repeat(100_000) + "]".repeat(99_999);
  expect(findJsonSyntaxError(deep)).toMatchObject({ offset: 199_999 });
});

it("findJsonSyntaxError finds an error exactly when JSON.parse throws", () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  const text = fc.oneof(
    fc.json(),
    fc.string(),
    fc.json().chain((json) => fc.nat(json.length).map((cut) => json.slice(0, cut) + json.slice(cut + 1))),
  );
  fc.assert(
    fc.property(text, (source) => {
      expect(findJsonSyntaxError(source) === undefined).toBe(parses(source));
    }),
    { numRuns: 500 },
  );
});
