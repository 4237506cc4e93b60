/**
 * Rich-text markup that CSL-JSON allows in titles and abstracts (<i>, <b>, <sup>, <sub>,
 * <span class="nocase">, small caps), the JATS/MathML tags Crossref abstracts carry, and the
 * same HTML subset @retorquere/bibtex-parser emits for \emph, \textbf, \url. Only these named
 * tags are removed, so a literal "a < b" in text survives.
 */
const MARKUP_TAG = /<\/?(?:i|b|em|strong|sup|sub|sc|span|a|u|tt|code|p|br|div|nocase|jats:[\w-]+|mml:[\w-]+)(?:\s[^<>]*)?\/?>/gi;
const BLOCK_TAG = /^<\/?(?:p|br|div|jats:p|jats:sec|jats:title)\b/i;

/** Crossref abstracts often open with the heading "Abstract": a label of the field, not part of its text. */
const ABSTRACT_HEADING = /<jats:title>\s*abstract\s*<\/jats:title>/gi;

export function stripMarkup(text: string): string {
  return text.replace(ABSTRACT_HEADING, " ").replace(MARKUP_TAG, (tag) => (BLOCK_TAG.test(tag) ? " " : ""));
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the character references that HTML-flavoured CSL text uses (&amp;, &#8217;, &#x2019;). */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi,
    (whole: string, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (decimal || hex) {
        const codePoint = decimal ? Number(decimal) : parseInt(hex ?? "", 16);
        return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
      }
      return NAMED_ENTITIES[(name ?? "").toLowerCase()] ?? whole;
    },
  );
}
