/**
 * UK civil calendar and clock, whatever the server's zone. Service levels are promised in UK working days,
 * so every instant is read as a UK calendar day plus a UK wall-clock time, and built back the same way.
 */
const UK = 'Europe/London'

/** A calendar day by the wall clock; UK clock changes fall on Sundays, so working days are always this long. */
export const DAY_MS = 24 * 60 * 60 * 1000

const wallClockParts = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
  minute: '2-digit',
  month: '2-digit',
  second: '2-digit',
  timeZone: UK,
  year: 'numeric',
})

/** The UK wall-clock reading of an instant, written as if it were UTC so plain arithmetic works on it. */
const ukWallAsUtc = ({ instant }: { instant: Date }): number => {
  const part = Object.fromEntries(wallClockParts.formatToParts(instant).map(({ type, value }) => [type, Number(value)]))
  // UK offsets are whole hours, so milliseconds read the same in both zones.
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second, instant.getUTCMilliseconds())
}

/** UK offset from UTC at an instant: 0 in GMT, one hour in BST. */
const ukOffsetAt = ({ ms }: { ms: number }): number => ukWallAsUtc({ instant: new Date(ms) }) - ms

/** Start of a YYYY-MM-DD day on the wall-as-UTC scale; refuses anything that is not a real calendar day. */
export const dayStart = ({ day }: { day: string }): number => {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN
  // Date.parse rolls 2026-02-30 over to March; the round trip catches it.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) throw new RangeError(`Not a calendar day: ${day}`)
  return ms
}

const dayOf = ({ wallMs }: { wallMs: number }): string => new Date(wallMs).toISOString().slice(0, 10)

/** The calendar day `by` days after (or before, if negative) `day`. */
export const shiftDay = ({ by, day }: { by: number; day: string }): string => dayOf({ wallMs: dayStart({ day }) + by * DAY_MS })

/** Where an instant sits on the UK calendar: its day and the wall-clock milliseconds since that day's midnight. */
export const ukPosition = ({ instant }: { instant: Date }): { day: string; wallMs: number } => {
  const wall = ukWallAsUtc({ instant })
  const day = dayOf({ wallMs: wall })
  return { day, wallMs: wall - dayStart({ day }) }
}

/** The UK calendar day (YYYY-MM-DD) an instant falls on, BST included. */
export const ukDay = ({ instant }: { instant: Date }): string => ukPosition({ instant }).day

/**
 * The instant the UK wall clock reads `wallMs` after midnight starting `day` (24h or more runs into later
 * days). Clock changes follow the usual convention: a time skipped in March is read on the old offset, so
 * lands an hour later; a time repeated in October is the first of the two.
 */
export const instantFromUkWallClock = ({ day, wallMs }: { day: string; wallMs: number }): Date => {
  const wall = dayStart({ day }) + wallMs
  // Offsets a day either side cover both sides of any clock change near this time.
  const before = ukOffsetAt({ ms: wall - DAY_MS })
  const after = ukOffsetAt({ ms: wall + DAY_MS })
  const readings = [before, after].filter((offset) => ukOffsetAt({ ms: wall - offset }) === offset).map((offset) => wall - offset)
  return new Date(readings.length ? Math.min(...readings) : wall - before)
}

/** The instant a UK clock on `day` reads `time` ('HH:mm', 'HH:mm:ss' or 'HH:mm:ss.SSS'). */
export const ukWallClockToInstant = ({ day, time }: { day: string; time: string }): Date => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{3}))?)?$/.exec(time)
  if (!match) throw new RangeError(`Not a time of day: ${time}`)
  const [, hours, minutes, seconds = '0', millis = '0'] = match
  const wallMs = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis)
  return instantFromUkWallClock({ day, wallMs })
}
