/** Where and why a text is not valid JSON. `line` and `column` count from 1. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * The first syntax error of a JSON text (RFC 8259), or undefined if it is valid. JavaScript engines word
 * JSON.parse errors differently and not all give a position, so this scanner finds it itself. It keeps
 * an explicit stack rather than recursing, so deeply nested input cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const enum State {
    Value,
    Key,
    Colon,
    After,
  }
  const stack: string[] = [];
  let state = State.Value;
  let i = 0;
  const fail = (offset: number, message: string) => at(text, offset, message);
  const found = (offset: number) => (offset >= text.length ? "end of text" : JSON.stringify(text[offset]));
  const scanString = (): JsonSyntaxError | undefined => {
    const start = i;
    i++;
    for (;;) {
      if (i >= text.length) return fail(start, "unterminated string; expected a closing double quote");
      const code = text.charCodeAt(i);
      if (code === 34) break;
      if (code < 32) return fail(i, `${code === 10 ? "line break" : "control character"} inside a string; expected \\n or another escape`);
      if (code === 92) {
        const next = text[i + 1];
        if (next === "u") {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return fail(i, "invalid \\u escape; expected four hexadecimal digits");
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) return fail(i, `invalid escape \\${next ?? ""}; expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u`);
        i += 2;
        continue;
      }
      i++;
    }
    i++;
    return undefined;
  };
  for (;;) {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
    const c = text[i];
    switch (state) {
      case State.Value: {
        if (c === "{" || c === "[") {
          stack.push(c);
          i++;
          while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
          if (text[i] === (c === "{" ? "}" : "]")) {
            stack.pop();
            i++;
            state = State.After;
          } else state = c === "{" ? State.Key : State.Value;
          continue;
        }
        if (c === '"') {
          const error = scanString();
          if (error) return error;
          state = State.After;
          continue;
        }
        NUMBER.lastIndex = i;
        LITERAL.lastIndex = i;
        const match = NUMBER.exec(text) ?? LITERAL.exec(text);
        if (match) {
          i += match[0].length;
          state = State.After;
          continue;
        }
        return fail(i, `unexpected ${found(i)}; expected a value (a number, "text", true, false, null, [ or {)`);
      }
      case State.Key:
        if (c !== '"') return fail(i, `unexpected ${found(i)}; expected a key in double quotes${c === "}" ? " (a comma before } is not allowed)" : ""}`);
        {
          const error = scanString();
          if (error) return error;
        }
        state = State.Colon;
        continue;
      case State.Colon:
        if (c !== ":") return fail(i, `unexpected ${found(i)}; expected ":" after the key`);
        i++;
        state = State.Value;
        continue;
      case State.After: {
        const top = stack[stack.length - 1];
        if (top === undefined) return i >= text.length ? undefined : fail(i, `unexpected ${found(i)} after the end of the JSON value; expected nothing more`);
        const close = top === "{" ? "}" : "]";
        if (c === ",") {
          i++;
          state = top === "{" ? State.Key : State.Value;
          if (top === "[") {
            while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
            if (text[i] === "]") return fail(i, 'unexpected "]"; expected a value (a comma before ] is not allowed)');
          }
        } else if (c === close) {
          stack.pop();
          i++;
        } else return fail(i, `unexpected ${found(i)}; expected "," or "${close}"`);
        continue;
      }
    }
  }
}

function at(text: string, offset: number, message: string): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1, message };
}
