const UK = 'Europe/London'

/** "28 November 2016", in UK time whatever the server's zone. */
export const formatDate = (value?: null | string): string =>
  value ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: UK, year: 'numeric' }).format(new Date(value)) : ''

/** Machine-readable date for <time dateTime>. */
export const isoDay = (value?: null | string): string =>
  value ? new Intl.DateTimeFormat('en-CA', { timeZone: UK }).format(new Date(value)) : ''

/** The id of a relationship value whether populated or not. */
export const relationId = (value: unknown): null | number | string => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return (value as { id: number | string }).id
  return value as number | string
}

/** Heading text to anchor id, stable between the contents list and the heading itself. */
export const anchorId = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'section'

/** "1 day", "3 days". */
export const plural = ({ count, word }: { count: number; word: string }): string => `${count} ${word}${count === 1 ? '' : 's'}`
