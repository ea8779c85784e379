/**
 * Reader for the Python literal in an NPY header, e.g.
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (768,), }`. It accepts
 * only dicts, tuples, lists, strings, integers, True/False/None, which is all
 * numpy writes there, so a crafted header can do no more than fail to parse.
 */
export type PyLiteral = string | number | boolean | null | PyLiteral[] | { [key: string]: PyLiteral };

export type PyLiteralResult = { ok: true; value: PyLiteral } | { ok: false; reason: string };

/** Internal: unwinds the recursive descent; never leaves this module. */
class PyLiteralSyntaxError extends Error {
  override readonly name = "PyLiteralSyntaxError";
}

export function parsePyLiteral(source: string): PyLiteralResult {
  try {
    return { ok: true, value: readPyLiteral(source) };
  } catch (error) {
    if (error instanceof PyLiteralSyntaxError) return { ok: false, reason: error.message };
    throw error;
  }
}

function readPyLiteral(source: string): PyLiteral {
  let at = 0;

  function fail(what: string): never {
    throw new PyLiteralSyntaxError(`${what} at character ${at}`);
  }
  function peek(): string {
    while (at < source.length && /\s/.test(source[at] ?? "")) at += 1;
    return source[at] ?? "";
  }
  function expect(char: string): void {
    if (peek() !== char) fail(`expected '${char}'`);
    at += 1;
  }

  /** Comma-separated items up to `close`, a trailing comma allowed. */
  function sequence(close: string, item: () => void): { count: number; trailingComma: boolean } {
    let count = 0;
    let trailingComma = false;
    while (peek() !== close) {
      if (at >= source.length) fail(`expected '${close}'`);
      item();
      count += 1;
      trailingComma = peek() === ",";
      if (trailingComma) at += 1;
      else if (peek() !== close) fail(`expected ',' or '${close}'`);
    }
    at += 1;
    return { count, trailingComma };
  }

  function value(): PyLiteral {
    const char = peek();
    if (char === "{") {
      at += 1;
      const dict: { [key: string]: PyLiteral } = {};
      sequence("}", () => {
        const key = value();
        if (typeof key !== "string") fail("dict keys must be strings");
        expect(":");
        // defineProperty, not assignment: a '__proto__' key must stay a plain key.
        Object.defineProperty(dict, key, { value: value(), enumerable: true, writable: true, configurable: true });
      });
      return dict;
    }
    if (char === "(" || char === "[") {
      at += 1;
      const items: PyLiteral[] = [];
      const { count, trailingComma } = sequence(char === "(" ? ")" : "]", () => items.push(value()));
      // `(5)` is just 5 in Python; a one-element tuple needs its comma.
      if (char === "(" && count === 1 && !trailingComma) return items[0] ?? null;
      return items;
    }
    if (char === "'" || char === '"') {
      const end = source.indexOf(char, at + 1);
      if (end < 0) fail("unterminated string");
      const text = source.slice(at + 1, end);
      if (text.includes("\\")) fail("escapes in strings are not supported");
      at = end + 1;
      return text;
    }
    const word = /^(?:[+-]?\d+L?|True|False|None)/.exec(source.slice(at))?.[0];
    if (word === undefined) fail(char === "" ? "unexpected end" : `unexpected '${char}'`);
    at += word.length;
    if (word === "True") return true;
    if (word === "False") return false;
    if (word === "None") return null;
    return Number(word.replace(/L$/, ""));
  }

  const result = value();
  if (peek() !== "") fail("unexpected text after the value");
  return result;
}
