/**
 * iCalendar (RFC 5545) feeds of meetings, written by hand: CRLF line ends, lines folded at 75 octets without
 * splitting a character, TEXT values escaped, times in UTC (so no VTIMEZONE is needed), whole-day entries as
 * DATE values.
 */

import { ukDay } from '../dates/uk-day'

export type CalendarEvent = {
  /** Whole-day entry: `start`'s UK day, ending the next day. */
  allDay?: boolean
  description?: string
  end?: Date | null
  lastModified?: Date | null
  location?: string
  start: Date
  status?: 'CANCELLED' | 'CONFIRMED' | 'TENTATIVE'
  summary: string
  /** Globally unique and stable across feeds and time, e.g. meeting-12@hub.example. */
  uid: string
  url?: string
}

const CRLF = '\r\n'
const MAX_OCTETS = 75

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export const escapeText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')

/** Folds a content line into lines of at most 75 octets; continuation lines start with one space. */
export const foldLine = (line: string): string => {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    // The first line holds 75 octets; each continuation holds 74 after its leading space.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

const pad = (value: number) => String(value).padStart(2, '0')

/** 20071107T120000Z */
export const utcStamp = (date: Date): string =>
  `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`

/** The UK calendar day of an instant as an iCalendar DATE (20071107). */
const ukDate = (date: Date): string => ukDay(date).replace(/-/g, '')

const nextDate = (date: string): string => {
  const next = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)) + 1))
  return next.toISOString().slice(0, 10).replace(/-/g, '')
}

const eventLines = ({ event, stamp }: { event: CalendarEvent; stamp: string }): string[] => {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`]
  if (event.allDay) {
    const day = ukDate(event.start)
    lines.push(`DTSTART;VALUE=DATE:${day}`, `DTEND;VALUE=DATE:${nextDate(day)}`)
  } else {
    lines.push(`DTSTART:${utcStamp(event.start)}`)
    if (event.end && event.end > event.start) lines.push(`DTEND:${utcStamp(event.end)}`)
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`)
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`)
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`)
  // A URI value is not TEXT: it is written as it is (our own absolute addresses).
  if (event.url) lines.push(`URL:${event.url}`)
  if (event.status) lines.push(`STATUS:${event.status}`)
  if (event.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified)}`)
  lines.push('END:VEVENT')
  return lines
}

/** A complete VCALENDAR object; every line ends with CRLF, the last one included. */
export const buildCalendar = ({ events, name, now = new Date() }: { events: CalendarEvent[]; name: string; now?: Date }): string => {
  const stamp = utcStamp(now)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Diabetes Network Hub//Governance meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    ...events.flatMap((event) => eventLines({ event, stamp })),
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join(CRLF) + CRLF
}
