// The five characters that can end a text node or a quoted attribute value, in HTML and in XML alike.
const HTML_ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' }
// XML has a named entity for the apostrophe; HTML 4 and some mail clients do not, hence &#39; above.
const XML_ENTITIES: Record<string, string> = { ...HTML_ENTITIES, "'": '&apos;' }

const MARKUP = /[&<>"']/g

/** Text into HTML text or a quoted attribute value: nothing anyone writes becomes markup. */
export const escapeHtml = (text: string): string => text.replace(MARKUP, (char) => HTML_ENTITIES[char]!)

/** Text into XML character data or a quoted attribute value (Atom feeds). */
export const escapeXml = (text: string): string => text.replace(MARKUP, (char) => XML_ENTITIES[char]!)
