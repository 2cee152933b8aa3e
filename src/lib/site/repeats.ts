/**
 * Keeps a page from saying the same thing twice in a row: a body that opens with the page's own title as a
 * heading, or with its summary (already shown as the lede), and a list heading straight after a section
 * heading that says the same. Applied when rendering, so content entered by staff is covered as well as
 * imported content.
 */

type Node = { children?: Node[]; fields?: Record<string, unknown>; tag?: string; text?: string; type: string }
type Value = { root: Node & { children: Node[] } }

const textOf = (node: Node): string => (node.text ?? '') + (node.children ?? []).map(textOf).join('')

/** Words only: case, punctuation, hyphens ("long-term") and curly quotes do not make two texts different. */
const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)

export const sameText = ({ a, b }: { a: string; b: string }): boolean => {
  const left = wordsOf(a).join(' ')
  return left !== '' && left === wordsOf(b).join(' ')
}

/**
 * Two headings say the same when their words match, or when every word of the shorter (three or more)
 * appears in the longer in the same order: "Ten top tips for commissioning" and "Ten top tips for the
 * commissioning of long term conditions".
 */
export const similarHeadings = ({ a, b }: { a: string; b: string }): boolean => {
  const [shorter, longer] = [wordsOf(a), wordsOf(b)].sort((x, y) => x.length - y.length) as [string[], string[]]
  if (shorter.length === 0) return false
  if (shorter.join(' ') === longer.join(' ')) return true
  if (shorter.length < 3) return false
  let at = 0
  for (const word of longer) if (word === shorter[at]) at++
  return at === shorter.length
}

// Nodes that hold no words of their own at the top of a page (a contents list, an empty paragraph).
const isFiller = (node: Node): boolean =>
  (node.type === 'block' && node.fields?.blockType === 'contentsList') || (node.type === 'paragraph' && textOf(node).trim() === '')

/**
 * The body without an opening heading that repeats the title and an opening paragraph that repeats the
 * summary. Only the opening is looked at: the same words later on are the author's choice.
 */
export const withoutOpeningRepeats = <T>({ summary, title, value }: { summary?: null | string; title?: null | string; value: T }): T => {
  const root = (value as null | Partial<Value> | undefined)?.root
  if (!root || !Array.isArray(root.children)) return value
  const drop = new Set<number>()
  let titleSeen = false
  let summarySeen = false
  for (const [index, node] of root.children.entries()) {
    if (isFiller(node)) continue
    const text = textOf(node)
    if (!titleSeen && title && node.type === 'heading' && similarHeadings({ a: text, b: title })) {
      titleSeen = true
    } else if (!summarySeen && summary && node.type === 'paragraph' && sameText({ a: text, b: summary })) {
      summarySeen = true
    } else {
      break
    }
    drop.add(index)
  }
  if (drop.size === 0) return value
  return { ...value, root: { ...root, children: root.children.filter((_, index) => !drop.has(index)) } } as T
}

/**
 * Ids of list blocks whose own heading would repeat the section heading above them, so the list is shown
 * under that heading without a second one.
 */
export const blocksUnderSameHeading = ({ blockType, value }: { blockType: string; value: unknown }): Set<string> => {
  const hidden = new Set<string>()
  const children = (value as null | Partial<Value> | undefined)?.root?.children ?? []
  let section: null | string = null
  for (const node of children) {
    if (node.type === 'heading') section = textOf(node)
    if (node.type !== 'block' || node.fields?.blockType !== blockType) continue
    const heading = typeof node.fields.heading === 'string' ? node.fields.heading : ''
    if (section !== null && heading.trim() && similarHeadings({ a: heading, b: section })) hidden.add(String(node.fields.id))
  }
  return hidden
}
