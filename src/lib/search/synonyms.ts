/** Words the network's readers use interchangeably; a query using one should find documents using another. */
export type SynonymGroup = string[]

export const DEFAULT_SYNONYMS: SynonymGroup[] = [
  ['t2dm', 'type 2 diabetes', 'type ii diabetes'],
  ['t1dm', 'type 1 diabetes', 'type i diabetes'],
  ['hba1c', 'glycated haemoglobin', 'glycated hemoglobin'],
  ['ccg', 'icb', 'clinical commissioning group', 'integrated care board'],
  ['ltc', 'long-term condition', 'long term condition'],
  ['gp', 'general practitioner', 'general practice'],
  ['cgm', 'continuous glucose monitoring'],
  ['dka', 'diabetic ketoacidosis'],
]

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// Whole words only: 'icb' must not fire inside 'icbm', and a member may contain spaces or hyphens.
const wordPattern = (phrase: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'giu')

const MAX_VARIANTS = 16

/**
 * The query followed by its alternatives: each member of a matching group is replaced by every other member,
 * so 'T2DM foot care' also becomes 'type 2 diabetes foot care'. The caller ORs the returned queries.
 */
export const expandQuery = ({ q, synonyms = DEFAULT_SYNONYMS }: { q: string; synonyms?: SynonymGroup[] }): string[] => {
  const variants = [q]
  for (const group of synonyms) {
    // Longest member first, so 'long-term condition' wins over a shorter member inside it.
    const members = [...group].sort((a, b) => b.length - a.length)
    for (const variant of [...variants]) {
      const found = members.find((member) => wordPattern(member).test(variant))
      if (!found) continue
      for (const other of group) {
        if (other === found || variants.length >= MAX_VARIANTS) continue
        const replaced = variant.replace(wordPattern(found), other)
        if (!variants.some((v) => v.toLowerCase() === replaced.toLowerCase())) variants.push(replaced)
      }
    }
  }
  return variants
}
