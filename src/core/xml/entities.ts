// XML and HTML character references, shared by the xlsx reader, the activation-code CSV
// (whose values are HTML-escaped) and the merge engine.

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

function fromCodePoint(code: number, original: string): string {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : original;
}

/** Decodes &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric references; leaves anything else as it is. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (match, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return fromCodePoint(code, match);
    }
    return NAMED[body] ?? match;
  });
}

/** Escapes text for an XML text node or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;",
  );
}

// Characters XML 1.0 forbids: C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates.
// A well-formed surrogate pair is matched first, as one unit, and kept: the pattern needs no
// lookbehind, which Internet Explorer 11 and Edge Legacy (Word 2016/2019's panes) cannot parse.
/* eslint-disable no-control-regex -- these control characters are what XML forbids */
const XML_CHECK = /[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/g;
/* eslint-enable no-control-regex */

const isPair = (match: string) => match.length === 2;

/** The characters of `text` that cannot go into a Word document. */
export function invalidXmlChars(text: string): string[] {
  return (text.match(XML_CHECK) ?? []).filter((m) => !isPair(m));
}

export function stripInvalidXml(text: string): string {
  return text.replace(XML_CHECK, (m) => (isPair(m) ? m : ""));
}

/** Describes a character for a message: U+0007, etc. */
export function describeChar(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
