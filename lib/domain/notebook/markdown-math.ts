import type { MarkdownIt, StateBlock, StateInline } from "markdown-it";

/**
 * markdown-it rules that find TeX between `$…$`, `$$…$$`, `\(…\)` and
 * `\[…\]` and emit `math_inline`, `math_inline_display` and `math_block`
 * tokens; how they render is up to the caller. Written here rather than taken
 * from a plugin package so the delimiter rules are ours to state and test.
 *
 * Dollar rules follow Pandoc's, so prices stay text: an opening `$` must be
 * followed by a non-space, and a closing `$` must follow a non-space and must
 * not be followed by a digit ("$5 and $10" is not math). `\$` is a literal
 * dollar: markdown-it's escape rule consumes it before these rules see a `$`.
 * Code spans and blocks are tokenized by their own rules first, so TeX inside
 * them is never touched.
 */

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Index of the `$` closing single-dollar math opened at `start`, or -1. Backslash pairs inside TeX (`\$`, `\\`) are skipped. */
function findDollarClose(src: string, start: number, max: number): number {
  for (let index = start + 1; index < max; index++) {
    const code = src.charCodeAt(index);
    if (code === BACKSLASH) {
      index++;
      continue;
    }
    if (code !== DOLLAR) continue;
    const before = src.charCodeAt(index - 1);
    const after = index + 1 < max ? src.charCodeAt(index + 1) : -1;
    if (index > start + 1 && !isSpace(before) && !isDigit(after)) return index;
  }
  return -1;
}

/** Index where `closer` (`$$`, `\)` or `\]`) begins after `from`, or -1. */
function findCloser(src: string, from: number, max: number, closer: string): number {
  for (let index = from; index + closer.length <= max; index++) {
    if (src.startsWith(closer, index)) return index;
    // A backslash always starts a two-character TeX token, so `\\)` is a line break then ")".
    if (src.charCodeAt(index) === BACKSLASH) index++;
  }
  return -1;
}

function pushMath(state: StateInline, type: string, content: string, markup: string): void {
  const token = state.push(type, "math", 0);
  token.content = content;
  token.markup = markup;
}

function dollarMath(state: StateInline, silent: boolean): boolean {
  const { src, pos: start, posMax: max } = state;
  if (src.charCodeAt(start) !== DOLLAR) return false;

  if (src.charCodeAt(start + 1) === DOLLAR) {
    const close = findCloser(src, start + 2, max, "$$");
    if (close < 0 || src.slice(start + 2, close).trim() === "") return false;
    if (!silent) pushMath(state, "math_inline_display", src.slice(start + 2, close), "$$");
    state.pos = close + 2;
    return true;
  }

  if (start + 1 >= max || isSpace(src.charCodeAt(start + 1))) return false;
  const close = findDollarClose(src, start, max);
  if (close < 0) return false;
  if (!silent) pushMath(state, "math_inline", src.slice(start + 1, close), "$");
  state.pos = close + 1;
  return true;
}

function bracketMath(state: StateInline, silent: boolean): boolean {
  const { src, pos: start, posMax: max } = state;
  if (src.charCodeAt(start) !== BACKSLASH) return false;
  const opener = src.slice(start, start + 2);
  if (opener !== "\\(" && opener !== "\\[") return false;
  const closer = opener === "\\(" ? "\\)" : "\\]";
  const close = findCloser(src, start + 2, max, closer);
  if (close < 0 || src.slice(start + 2, close).trim() === "") return false;
  if (!silent) pushMath(state, opener === "\\(" ? "math_inline" : "math_inline_display", src.slice(start + 2, close), opener);
  state.pos = close + 2;
  return true;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
}

/**
 * Display math that starts a line with `$$` or `\[` and ends at the first line
 * ending with the matching closer. A blank line before the closer means it is
 * not math (TeX forbids blank lines in display math), so an unclosed `$$`
 * never swallows the rest of the cell.
 */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const first = lineText(state, startLine);
  const opener = first.slice(0, 2);
  if (opener !== "$$" && opener !== "\\[") return false;
  const closer = opener === "$$" ? "$$" : "\\]";

  const firstRest = first.slice(2).trimEnd();
  let lastLine = startLine;
  let content: string;
  if (firstRest.endsWith(closer)) {
    content = firstRest.slice(0, -closer.length);
  } else {
    const parts = [firstRest];
    let closed = false;
    for (let line = startLine + 1; line < endLine; line++) {
      if (state.isEmpty(line) || state.sCount[line]! < state.blkIndent) break;
      const text = lineText(state, line).trimEnd();
      if (text.endsWith(closer)) {
        parts.push(text.slice(0, -closer.length));
        lastLine = line;
        closed = true;
        break;
      }
      parts.push(text);
    }
    if (!closed) return false;
    content = parts.join("\n");
  }
  if (content.trim() === "") return false;
  if (silent) return true;

  state.line = lastLine + 1;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = content;
  token.markup = opener;
  token.map = [startLine, state.line];
  return true;
}

/** Adds the math rules to `md`; tokens: `math_inline`, `math_inline_display` (inline `$$…$$`, `\[…\]`) and `math_block`. */
export function markdownMath(md: MarkdownIt): void {
  md.inline.ruler.before("escape", "math_bracket", bracketMath);
  md.inline.ruler.after("escape", "math_dollar", dollarMath);
  md.block.ruler.before("fence", "math_block", mathBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
}
