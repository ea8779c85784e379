import { describe, expect, it } from "vitest";
import { renderNotebookMarkdown } from "./render-markdown";

describe("renderNotebookMarkdown", () => {
  it("renders headings, lists, tables and code", () => {
    const html = renderNotebookMarkdown(
      "# Arousal by cohort\n\n- patients\n- sessions\n\n| cohort | n |\n|---|--:|\n| A | 12 |\n\n```sql\nSELECT 1 < 2;\n```\n\nInline `code` too.",
    );
    expect(html).toContain("<h1>Arousal by cohort</h1>");
    expect(html).toContain("<ul>\n<li>patients</li>\n<li>sessions</li>\n</ul>");
    expect(html).toContain("<th>cohort</th>");
    expect(html).toContain('<td style="text-align:right">12</td>');
    expect(html).toContain('<pre><code class="language-sql">SELECT 1 &lt; 2;\n</code></pre>');
    expect(html).toContain("<code>code</code>");
  });

  it("shows raw HTML as text", () => {
    const html = renderNotebookMarkdown('<script>alert("x")</script>\n\nand <img src=x onerror=alert(1)> inline');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("opens http(s), mailto and relative links in a new tab without an opener", () => {
    const html = renderNotebookMarkdown("[paper](https://example.org/p) [mail](mailto:lab@example.org) [notes](./notes.md) see https://example.org/data");
    expect(html).toContain('<a href="https://example.org/p" target="_blank" rel="noopener noreferrer">paper</a>');
    expect(html).toContain('<a href="mailto:lab@example.org" target="_blank" rel="noopener noreferrer">mail</a>');
    expect(html).toContain('<a href="./notes.md" target="_blank" rel="noopener noreferrer">notes</a>');
    expect(html).toContain('<a href="https://example.org/data" target="_blank" rel="noopener noreferrer">https://example.org/data</a>');
  });

  it("does not link javascript:, data: or other schemes", () => {
    const html = renderNotebookMarkdown(
      "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](jav&#x61;script:alert(1)) <javascript:alert(1)> [d](tel:123) [e](data:text/html,x) ![f](data:image/png;base64,AAAA)",
    );
    expect(html).not.toContain("<a ");
    expect(html).not.toContain("<img");
    expect(html).toContain("[a](javascript:alert(1))");
  });

  it("renders inline and display math with KaTeX", () => {
    const inline = renderNotebookMarkdown("Valence $v_t \\in [-1, 1]$ and \\(a^2\\).");
    expect(inline.match(/<span class="katex">/g)).toHaveLength(2);
    expect(inline).toContain('<annotation encoding="application/x-tex">v_t \\in [-1, 1]</annotation>');
    expect(inline).toContain("<math");

    const display = renderNotebookMarkdown("Mean:\n\n$$\n\\bar{x} = \\frac{1}{n}\\sum_i x_i\n$$\n\n\\[ y = 2 \\]\n\nand $$z$$ inline.");
    expect(display.match(/<div class="math-display"><span class="katex-display">/g)).toHaveLength(2);
    expect(display).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(display).toMatch(/<p>and <span class="katex-display">.*<\/span> inline\.<\/p>/s);
  });

  it("keeps prices and escaped dollars as text", () => {
    expect(renderNotebookMarkdown("It cost $5 and $10.")).toBe("<p>It cost $5 and $10.</p>\n");
    expect(renderNotebookMarkdown("between $ 5 and 6 $ here")).toBe("<p>between $ 5 and 6 $ here</p>\n");
    expect(renderNotebookMarkdown("a $x$5 b")).toBe("<p>a $x$5 b</p>\n");
    expect(renderNotebookMarkdown("\\$x$ is literal")).toBe("<p>$x$ is literal</p>\n");
  });

  it("keeps an escaped dollar inside math as TeX", () => {
    const html = renderNotebookMarkdown("$a \\$ b$");
    expect(html).toContain('<annotation encoding="application/x-tex">a \\$ b</annotation>');
  });

  it("leaves TeX inside code spans and code blocks alone", () => {
    expect(renderNotebookMarkdown("`$x^2$`")).toBe("<p><code>$x^2$</code></p>\n");
    expect(renderNotebookMarkdown("```\n$$x$$\n```")).toBe("<pre><code>$$x$$\n</code></pre>\n");
    expect(renderNotebookMarkdown("    $$x$$")).toBe("<pre><code>$$x$$\n</code></pre>\n");
  });

  it("does not let an unclosed $$ swallow the rest of the cell", () => {
    expect(renderNotebookMarkdown("$$\nx\n\n# Next")).toBe("<p>$$\nx</p>\n<h1>Next</h1>\n");
  });

  it("shows bad TeX as its source in a math-error element naming the error", () => {
    const html = renderNotebookMarkdown("Broken $\\frac{1}{$ and $\\nosuchmacro$.");
    const errors = [...html.matchAll(/<span class="math-error" title="([^"]*)">([^<]*)<\/span>/g)];
    expect(errors.map((match) => match[2])).toEqual(["$\\frac{1}{$", "$\\nosuchmacro$"]);
    expect(errors[1]![1]).toContain("Undefined control sequence: \\nosuchmacro");
    expect(html).not.toContain("katex-error");
  });

  it("does not honour KaTeX commands that need trust", () => {
    const html = renderNotebookMarkdown("$$\\href{javascript:alert(1)}{x}$$");
    expect(html).not.toContain("<a ");
    expect(html).not.toContain('href="javascript');
  });
});
