import { ukDay } from '../dates/uk-day'

const UK = 'Europe/London'

/** "28 November 2016", in UK time whatever the server's zone. */
export const formatDate = (value?: null | string): string =>
  value ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: UK, year: 'numeric' }).format(new Date(value)) : ''

/** "01/12/2026 14:05": the admin's short form, in UK time whatever the server's zone. */
export const formatDateTimeShort = (value?: null | string): string => {
  if (!value) return ''
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
    minute: '2-digit',
    month: '2-digit',
    timeZone: UK,
    year: 'numeric',
  }).formatToParts(new Date(value))
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? ''
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`
}

/**
 * "Tuesday 29 December 2026" for a calendar day stored as YYYY-MM-DD. The day is not an instant, so it is
 * formatted as written, whatever the server's or reader's zone; anything else gives ''.
 */
export const formatDay = (day?: null | string): string => {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return ''
  const noonUtc = new Date(`${day}T12:00:00Z`)
  if (Number.isNaN(noonUtc.getTime()) || noonUtc.toISOString().slice(0, 10) !== day) return ''
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC', weekday: 'long', year: 'numeric' })
    .format(noonUtc)
    .replace(',', '')
}

/** Machine-readable date for <time dateTime>. */
export const isoDay = (value?: null | string): string => (value ? ukDay(new Date(value)) : '')

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
