/**
 * A small non-validating XML reader, enough for ELAN files: elements,
 * attributes, text, the five predefined entities and character references,
 * comments, processing instructions and CDATA sections. A DOCTYPE is refused
 * (it could define entities this reader does not expand). Well-formedness
 * errors go to `fail` with the line they are on.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text (not its children's), entities expanded. */
  readonly text: string;
  readonly line: number;
}

interface MutableElement {
  name: string;
  attributes: Map<string, string>;
  children: MutableElement[];
  text: string;
  line: number;
}

export type XmlFail = (line: number, problem: string) => never;

const NAME = /[A-Za-z_:\u00C0-\uFFEF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFEF]*/y;
const SPACE = /[ \t\r\n]*/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function parseXml(text: string, fail: XmlFail): XmlElement {
  const newlines: number[] = [];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) newlines.push(index);
  const lineAt = (index: number): number => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (newlines[middle]! < index) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
  function failAt(index: number, problem: string): never {
    return fail(lineAt(index), problem);
  }

  let position = 0;
  const stack: MutableElement[] = [];
  let root: MutableElement | null = null;

  const skipUntil = (terminator: string, what: string): void => {
    const end = text.indexOf(terminator, position);
    if (end === -1) failAt(position, `${what} that starts here is never closed with "${terminator}"`);
    position = end + terminator.length;
  };
  const readName = (what: string): string => {
    NAME.lastIndex = position;
    const match = NAME.exec(text);
    if (!match) failAt(position, `expected ${what}, found "${text.slice(position, position + 10)}"`);
    position = NAME.lastIndex;
    return match[0];
  };
  const skipSpace = (): boolean => {
    SPACE.lastIndex = position;
    SPACE.exec(text);
    const skipped = SPACE.lastIndex > position;
    position = SPACE.lastIndex;
    return skipped;
  };
  const expandEntities = (raw: string, start: number): string =>
    raw.replace(/&([^;&\s]*);?/g, (whole, name: string, offset: number) => {
      if (!whole.endsWith(";")) failAt(start + offset, `"&" must start an entity such as &amp; (found "${whole.slice(0, 12)}")`);
      if (Object.hasOwn(PREDEFINED, name)) return PREDEFINED[name]!;
      const code = /^#x[0-9A-Fa-f]+$/.test(name) ? parseInt(name.slice(2), 16) : /^#[0-9]+$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
      if (Number.isNaN(code)) failAt(start + offset, `unknown entity &${name};`);
      if (code > 0x10ffff || code === 0) failAt(start + offset, `character reference &${name}; is not a character`);
      return String.fromCodePoint(code);
    });

  while (position < text.length) {
    const open = text.indexOf("<", position);
    const textEnd = open === -1 ? text.length : open;
    if (textEnd > position) {
      const raw = text.slice(position, textEnd);
      const current = stack[stack.length - 1];
      if (current) current.text += expandEntities(raw, position);
      else if (raw.trim() !== "") failAt(position + raw.search(/\S/), "text outside the root element");
      position = textEnd;
      continue;
    }
    if (text.startsWith("<!--", position)) {
      skipUntil("-->", "a comment");
    } else if (text.startsWith("<![CDATA[", position)) {
      const current = stack[stack.length - 1];
      if (!current) failAt(position, "a CDATA section outside the root element");
      const start = position + 9;
      skipUntil("]]>", "a CDATA section");
      current.text += text.slice(start, position - 3);
    } else if (text.startsWith("<?", position)) {
      skipUntil("?>", "a processing instruction");
    } else if (text.startsWith("<!", position)) {
      failAt(position, "a DOCTYPE or other declaration; this reader does not expand declared entities, so the file is refused");
    } else if (text.startsWith("</", position)) {
      const start = position;
      position += 2;
      const name = readName("an element name after </");
      skipSpace();
      if (text[position] !== ">") failAt(position, `expected ">" to end </${name}`);
      position++;
      const current = stack.pop();
      if (!current) failAt(start, `</${name}> closes an element that was never opened`);
      if (current.name !== name) failAt(start, `</${name}> closes <${current.name}> (opened on line ${current.line})`);
    } else {
      const start = position;
      position++;
      const name = readName("an element name after <");
      const element: MutableElement = { name, attributes: new Map(), children: [], text: "", line: lineAt(start) };
      for (;;) {
        const spaced = skipSpace();
        if (text.startsWith("/>", position) || text[position] === ">") break;
        if (position >= text.length) failAt(start, `<${name} is never closed with ">"`);
        if (!spaced) failAt(position, `expected a space, ">" or "/>" in <${name}>`);
        const attribute = readName(`an attribute name in <${name}>`);
        skipSpace();
        if (text[position] !== "=") failAt(position, `attribute ${attribute} of <${name}> has no "=" and value`);
        position++;
        skipSpace();
        const quote = text[position];
        if (quote !== '"' && quote !== "'") failAt(position, `the value of attribute ${attribute} of <${name}> must be in quotes`);
        const valueStart = position + 1;
        const valueEnd = text.indexOf(quote, valueStart);
        if (valueEnd === -1) failAt(position, `the value of attribute ${attribute} of <${name}> is never closed`);
        const raw = text.slice(valueStart, valueEnd);
        if (raw.includes("<")) failAt(valueStart + raw.indexOf("<"), `"<" inside the value of attribute ${attribute} of <${name}>`);
        if (element.attributes.has(attribute)) failAt(position, `<${name}> has attribute ${attribute} twice`);
        // Attribute-value normalisation: literal whitespace becomes a space; references keep theirs.
        element.attributes.set(attribute, expandEntities(raw.replace(/[\t\n\r]/g, " "), valueStart));
        position = valueEnd + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) failAt(start, `a second root element <${name}> (the first, <${root.name}>, ended before it)`);
      else root = element;
      if (text.startsWith("/>", position)) {
        position += 2;
      } else {
        position++;
        stack.push(element);
      }
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) fail(lineAt(text.length), `the file ends inside <${unclosed.name}> (opened on line ${unclosed.line})`);
  if (!root) fail(1, "there is no root element");
  return root;
}
