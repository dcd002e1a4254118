/**
 * The few XML text helpers the package reader and merger need (OOXML parts are machine-written,
 * unprefixed SpreadsheetML, so attributes and entities are all there is to decode).
 * @example decodeXml("A &amp; B &#x41;") //=> "A & B A"
 * @example attributeOf('name="Sales" r:id="rId3"', "r:id") //=> "rId3"
 */

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with XML entities and character references replaced by their characters. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });
}

/** Text escaped for an XML attribute value or element content. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (ch) => (ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch === "&" ? "&amp;" : "&quot;"));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The decoded value of an attribute in a tag's attribute text, or undefined. */
export function attributeOf(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${escapeRegExp(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2] ?? "");
}

/** Every `<tag …/>` or `<tag …>…</tag>` element (no nesting of the same tag), with its attribute text and inner XML. */
export function elementsOf(xml: string, tag: string): { whole: string; attributes: string; inner: string }[] {
  const t = escapeRegExp(tag);
  const found: { whole: string; attributes: string; inner: string }[] = [];
  for (const m of xml.matchAll(new RegExp(`<${t}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${t}>)`, "g"))) {
    found.push({ whole: m[0], attributes: m[1], inner: m[2] ?? "" });
  }
  return found;
}
