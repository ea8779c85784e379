import { AnnotationExportError } from "./annotation-export-error";

/**
 * Escapes text for an XML attribute value or element content. Newlines and
 * tabs in attributes are written as character references, because XML
 * parsers turn literal ones into spaces. `what` names the value for the
 * error thrown when the text holds a character XML cannot represent.
 */
export function xmlEscape(text: string, what: string): string {
  if (!isXmlText(text)) throw new AnnotationExportError(`cannot write ${what} as XML: it contains a control character XML 1.0 cannot hold`);
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;")
    .replaceAll("\t", "&#9;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\r", "&#13;");
}

/** False for characters XML 1.0 cannot hold at all, even escaped: C0 controls other than tab, newline and carriage return, U+FFFE/U+FFFF, lone surrogates. */
function isXmlText(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff)) return false;
  }
  return true;
}
