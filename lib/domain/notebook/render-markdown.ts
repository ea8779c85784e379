import katex from "katex";
import MarkdownItCallable from "markdown-it";
import type { RendererRule } from "markdown-it";
import { markdownMath } from "./markdown-math";

/**
 * HTML for a notebook's markdown cells. Researchers paste from anywhere, so
 * raw HTML is shown as text (`html: false`), links may only go to http(s),
 * mailto or relative addresses, and KaTeX runs with `trust: false` (no
 * `\href`, `\htmlClass` and the like).
 */

const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

const md = new MarkdownItCallable({ html: false, linkify: true, typographer: false });
md.use(markdownMath);

// markdown-it's own check refuses javascript:, vbscript:, file: and most data:
// but lets any other scheme through (tel:, ftp:, app deep links); we allow
// only the three a notebook needs. It runs on links, autolinks, linkified
// text and images alike, after markdown-it has decoded entities.
md.validateLink = (url: string): boolean => {
  const scheme = SCHEME.exec(url.trim());
  return scheme === null || ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase());
};

const renderLinkOpenDefault: RendererRule = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);
const renderLinkOpen = md.renderer.rules.link_open ?? renderLinkOpenDefault;
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet("target", "_blank");
  token.attrSet("rel", "noopener noreferrer");
  return renderLinkOpen(tokens, idx, options, env, self);
};

/**
 * KaTeX markup for `tex`, or, when KaTeX cannot read it, the source in a
 * `math-error` span whose title says why. We ask KaTeX to throw rather than
 * use its `throwOnError: false` fallback so the error element has our class
 * and no inline colour, and so errors other than parse errors are caught too.
 */
function renderMath(tex: string, displayMode: boolean, source: string): string {
  try {
    return katex.renderToString(tex, {
      displayMode,
      throwOnError: true,
      trust: false,
      strict: "ignore",
      output: "htmlAndMathml",
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `<span class="math-error" title="${md.utils.escapeHtml(reason)}">${md.utils.escapeHtml(source)}</span>`;
  }
}

const CLOSERS: Readonly<Record<string, string>> = { $: "$", $$: "$$", "\\(": "\\)", "\\[": "\\]" };

function delimited(markup: string, content: string): string {
  return `${markup}${content}${CLOSERS[markup] ?? ""}`;
}

md.renderer.rules.math_inline = (tokens, idx) => {
  const token = tokens[idx]!;
  return renderMath(token.content, false, delimited(token.markup, token.content));
};
md.renderer.rules.math_inline_display = (tokens, idx) => {
  const token = tokens[idx]!;
  return renderMath(token.content, true, delimited(token.markup, token.content));
};
md.renderer.rules.math_block = (tokens, idx) => {
  const token = tokens[idx]!;
  return `<div class="math-display">${renderMath(token.content, true, delimited(token.markup, token.content))}</div>\n`;
};

/** Safe HTML for the source of a markdown cell: CommonMark with GFM tables and strikethrough, linkified URLs and TeX math. */
export function renderNotebookMarkdown(source: string): string {
  return md.render(source);
}
