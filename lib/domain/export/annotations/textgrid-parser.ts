import { AnnotationParseError } from "./annotation-parse-error";
import { checkedAnnotationText } from "./annotation-file-text";

export interface TextGridInterval {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** An IntervalTier, or a TextTier ("point") whose points have start === end. */
export interface TextGridTier {
  readonly name: string;
  readonly kind: "interval" | "point";
  readonly intervals: readonly TextGridInterval[];
}

export interface ParsedTextGrid {
  readonly xmin: number;
  readonly xmax: number;
  readonly tiers: readonly TextGridTier[];
}

interface Token {
  readonly kind: "string" | "number" | "flag" | "word";
  readonly text: string;
  readonly line: number;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Reads a Praat TextGrid in the long or the short text format (the binary
 * format is refused). Takes text: decode the file's bytes with
 * decodeAnnotationFile, since Praat saves non-ASCII TextGrids as UTF-16.
 *
 * Like Praat, it reads a stream of values (numbers, quoted strings,
 * <exists>/<absent>) and allows "!" comments. Unlike Praat it does not skip
 * stray words: in the long format each value must follow its own key
 * ("xmax =", "text ="), and in the short format there must be no words at
 * all, so a damaged file fails at the line where it is damaged instead of
 * being read out of step.
 */
export function parseTextGrid(text: string, fileName: string): ParsedTextGrid {
  const checked = checkedAnnotationText(text, fileName);
  if (checked.startsWith("ooBinaryFile")) {
    fail(fileName, 1, "it is a binary Praat file; in Praat, open it and use Save as text file");
  }
  return new TextGridReader(tokenize(checked, fileName), fileName).read();
}

class TextGridReader {
  private position = 0;
  private long = true;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly fileName: string,
  ) {}

  read(): ParsedTextGrid {
    const fileType = this.string("File", "the file type", true);
    if (fileType !== "ooTextFile" && fileType !== "ooTextFile short") {
      this.fail(this.previousLine(), `the file type is "${fileType}", not "ooTextFile"; this is not a Praat text file`);
    }
    const objectClass = this.string("class", "the object class", true);
    if (objectClass !== "TextGrid") this.fail(this.previousLine(), `it holds a Praat ${objectClass}, not a TextGrid`);
    this.long = this.peek()?.kind === "word";
    const xmin = this.number("xmin", "the TextGrid's xmin");
    const xmax = this.number("xmax", "the TextGrid's xmax");
    if (xmax < xmin) this.fail(this.previousLine(), `the TextGrid ends (xmax ${xmax}) before it starts (xmin ${xmin})`);
    const exists = this.flag("tiers?", "<exists> or <absent> for the tiers");
    const tierCount = exists ? this.count("size", "the number of tiers") : 0;
    const tiers: TextGridTier[] = [];
    for (let index = 0; index < tierCount; index++) tiers.push(this.tier(index + 1));
    const rest = this.tokens[this.position];
    if (rest) this.fail(rest.line, `found ${describe(rest)} after the last of ${tierCount} tiers, where the file should end`);
    return { xmin, xmax, tiers };
  }

  private tier(number: number): TextGridTier {
    const tierClass = this.string("class", `the class of tier ${number}`);
    if (tierClass !== "IntervalTier" && tierClass !== "TextTier") {
      this.fail(this.previousLine(), `tier ${number} has class "${tierClass}"; a TextGrid holds IntervalTier and TextTier tiers`);
    }
    const name = this.string("name", `the name of tier ${number}`);
    const what = `tier ${number} ("${name}")`;
    this.number("xmin", `the xmin of ${what}`);
    this.number("xmax", `the xmax of ${what}`);
    const kind = tierClass === "IntervalTier" ? "interval" : "point";
    const count = this.count("size", `the number of ${kind === "interval" ? "intervals" : "points"} in ${what}`);
    const intervals: TextGridInterval[] = [];
    for (let index = 1; index <= count; index++) {
      if (kind === "interval") {
        const start = this.number("xmin", `the xmin of interval ${index} in ${what}`);
        const end = this.number("xmax", `the xmax of interval ${index} in ${what}`);
        if (end < start) this.fail(this.previousLine(), `interval ${index} in ${what} ends (${end}) before it starts (${start})`);
        intervals.push({ start, end, label: this.string("text", `the text of interval ${index} in ${what}`) });
      } else {
        // Praat writes "number ="; some other tools write "time =".
        const time = this.number(["number", "time"], `the time of point ${index} in ${what}`);
        intervals.push({ start: time, end: time, label: this.string("mark", `the mark of point ${index} in ${what}`) });
      }
    }
    return { name, kind, intervals };
  }

  /** `keyed`: the header lines have keys in both formats. */
  private string(key: string, what: string, keyed = false): string {
    return this.value("string", key, what, keyed).text;
  }

  private number(key: string | readonly string[], what: string): number {
    return Number(this.value("number", key, what).text);
  }

  private count(key: string, what: string): number {
    const token = this.value("number", key, what);
    const value = Number(token.text);
    if (!Number.isInteger(value) || value < 0) this.fail(token.line, `${what} is ${token.text}, not a whole number`);
    return value;
  }

  private flag(key: string, what: string): boolean {
    return this.value("flag", key, what).text === "<exists>";
  }

  /** The next value, after the words before it; in the long format those words must include the key. */
  private value(kind: Token["kind"], key: string | readonly string[], what: string, keyed = false): Token {
    const keys = typeof key === "string" ? [key] : key;
    const words: Token[] = [];
    while (this.peek()?.kind === "word") words.push(this.tokens[this.position++]!);
    const token = this.tokens[this.position];
    if (!token) this.fail(this.previousLine(), `the file ends where ${what} should be`);
    if (token.kind !== kind) this.fail(token.line, `expected ${what} (${KIND_NAMES[kind]}), found ${describe(token)}`);
    if (this.long || keyed) {
      const names = words.map((word) => word.text.replace(/[=:]+$/, ""));
      if (!keys.some((expected) => names.includes(expected))) {
        this.fail(token.line, `expected "${keys[0]} =" before ${what}, found ${words.length ? `"${words.map((word) => word.text).join(" ")}"` : "no key"}`);
      }
    } else if (words[0]) {
      this.fail(words[0].line, `unexpected word "${words[0].text}" in a short-format TextGrid, where ${what} should be`);
    }
    this.position++;
    return token;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private previousLine(): number {
    return this.tokens[this.position - 1]?.line ?? 1;
  }

  private fail(line: number, problem: string): never {
    return fail(this.fileName, line, problem);
  }
}

const KIND_NAMES: Readonly<Record<Token["kind"], string>> = {
  string: "a quoted string",
  number: "a number",
  flag: "<exists> or <absent>",
  word: "a word",
};

function describe(token: Token): string {
  if (token.kind === "string") return `the string "${token.text.length > 40 ? `${token.text.slice(0, 40)}…` : token.text}"`;
  return token.kind === "number" ? `the number ${token.text}` : `"${token.text}"`;
}

function tokenize(text: string, fileName: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === "\n" || (char === "\r" && text[index + 1] !== "\n")) {
      line++;
      index++;
    } else if (char === " " || char === "\t" || char === "\r" || char === "\f" || char === "\v") {
      index++;
    } else if (char === "!") {
      while (index < text.length && text[index] !== "\n" && text[index] !== "\r") index++;
    } else if (char === '"') {
      const startLine = line;
      let value = "";
      index++;
      for (;;) {
        if (index >= text.length) fail(fileName, startLine, "a string that starts here never ends (missing closing quote)");
        const next = text[index]!;
        if (next === '"') {
          if (text[index + 1] === '"') {
            value += '"';
            index += 2;
            continue;
          }
          index++;
          break;
        }
        if (next === "\n" || (next === "\r" && text[index + 1] !== "\n")) line++;
        value += next;
        index++;
      }
      tokens.push({ kind: "string", text: value, line: startLine });
    } else {
      const start = index;
      while (index < text.length && !/[\s"]/.test(text[index]!)) index++;
      const word = text.slice(start, index);
      const kind = NUMBER.test(word) ? "number" : word === "<exists>" || word === "<absent>" ? "flag" : "word";
      tokens.push({ kind, text: word, line });
    }
  }
  return tokens;
}

function fail(fileName: string, line: number, problem: string): never {
  throw new AnnotationParseError("TEXTGRID_INVALID", `cannot read ${fileName}: line ${line}: ${problem}`);
}
