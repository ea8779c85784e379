import { NotebookQueryError } from "./notebook-query-error";

/**
 * A PostgreSQL lexer just precise enough for the notebook pre-check: it must
 * never mistake the inside of a string, a quoted name, a comment or a
 * dollar-quoted body for SQL, and never miss SQL hidden between them. It does
 * not parse; the database does that.
 */

export type SqlTokenKind = "word" | "quoted" | "string" | "number" | "param" | "punct";

export interface SqlToken {
  kind: SqlTokenKind;
  /** A word in lower case (PostgreSQL folds unquoted names), a quoted name unescaped, otherwise the source text. */
  value: string;
  /** Offsets into the source: text is source.slice(start, end). */
  start: number;
  end: number;
}

// PostgreSQL's own whitespace: other characters, even U+00A0, are part of names.
const WHITESPACE = /[ \t\n\r\f\v]/;
const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
const NUMBER = /^(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/;

/** 1-based line of an offset, for messages. */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < source.length; index++) if (source[index] === "\n") line++;
  return line;
}

function unterminated(source: string, start: number, what: string): NotebookQueryError {
  return new NotebookQueryError("SQL_SYNTAX", `The SQL has ${what} that starts on line ${lineAt(source, start)} and is never closed.`);
}

/** End offset of a '…' string whose opening quote is at `quote`. */
function stringEnd(source: string, quote: number, backslashEscapes: boolean, tokenStart: number): number {
  let index = quote + 1;
  while (index < source.length) {
    const char = source[index];
    if (backslashEscapes && char === "\\") index += 2;
    else if (char === "'" && source[index + 1] === "'") index += 2;
    else if (char === "'") return index + 1;
    else index++;
  }
  throw unterminated(source, tokenStart, "a string");
}

function quotedEnd(source: string, quote: number): { end: number; name: string } {
  let index = quote + 1;
  let name = "";
  while (index < source.length) {
    if (source[index] === '"' && source[index + 1] === '"') {
      name += '"';
      index += 2;
    } else if (source[index] === '"') {
      return { end: index + 1, name };
    } else {
      name += source[index];
      index++;
    }
  }
  throw unterminated(source, quote, "a quoted name");
}

function blockCommentEnd(source: string, start: number): number {
  // PostgreSQL block comments nest.
  let depth = 0;
  let index = start;
  while (index < source.length) {
    if (source.startsWith("/*", index)) {
      depth++;
      index += 2;
    } else if (source.startsWith("*/", index)) {
      depth--;
      index += 2;
      if (depth === 0) return index;
    } else {
      index++;
    }
  }
  throw unterminated(source, start, "a /* comment");
}

/** Splits SQL into tokens, dropping whitespace and comments. */
export function tokenizeSql(source: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let index = 0;
  const push = (kind: SqlTokenKind, start: number, end: number, value = source.slice(start, end)) => {
    tokens.push({ kind, value, start, end });
    index = end;
  };
  while (index < source.length) {
    const char = source[index]!;
    const next = source[index + 1];
    if (WHITESPACE.test(char)) {
      index++;
    } else if (char === "-" && next === "-") {
      const newline = source.indexOf("\n", index);
      index = newline === -1 ? source.length : newline + 1;
    } else if (char === "/" && next === "*") {
      index = blockCommentEnd(source, index);
    } else if (char === "'") {
      push("string", index, stringEnd(source, index, false, index));
    } else if (/[eE]/.test(char) && next === "'") {
      push("string", index, stringEnd(source, index + 1, true, index));
    } else if (/[bBxXnN]/.test(char) && next === "'") {
      push("string", index, stringEnd(source, index + 1, false, index));
    } else if (/[uU]/.test(char) && next === "&" && source[index + 2] === "'") {
      push("string", index, stringEnd(source, index + 2, false, index));
    } else if (/[uU]/.test(char) && next === "&" && source[index + 2] === '"') {
      // Escapes could spell any name, e.g. a function the pre-check refuses.
      throw new NotebookQueryError(
        "SQL_SYNTAX",
        `SQL cells do not accept Unicode-escaped names (U&"…", line ${lineAt(source, index)}): write the name in plain or double-quoted form.`,
      );
    } else if (char === '"') {
      const quoted = quotedEnd(source, index);
      push("quoted", index, quoted.end, quoted.name);
    } else if (char === "$" && next !== undefined && /\d/.test(next)) {
      let end = index + 1;
      while (end < source.length && /\d/.test(source[end]!)) end++;
      push("param", index, end);
    } else if (char === "$" && DOLLAR_TAG.test(source.slice(index, index + 200))) {
      const tag = DOLLAR_TAG.exec(source.slice(index, index + 200))![0];
      const close = source.indexOf(tag, index + tag.length);
      if (close === -1) throw unterminated(source, index, `a ${tag}-quoted string`);
      push("string", index, close + tag.length);
    } else if (WORD_START.test(char)) {
      let end = index + 1;
      while (end < source.length && WORD_PART.test(source[end]!)) end++;
      // PostgreSQL folds only ASCII letters of unquoted names.
      push("word", index, end, source.slice(index, end).replace(/[A-Z]/g, (letter) => letter.toLowerCase()));
    } else if (/\d/.test(char) || (char === "." && next !== undefined && /\d/.test(next))) {
      const match = NUMBER.exec(source.slice(index, index + 400));
      push("number", index, index + (match?.[0].length ?? 1));
    } else {
      push("punct", index, index + 1);
    }
  }
  return tokens;
}
