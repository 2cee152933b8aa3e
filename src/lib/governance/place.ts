import type { Meeting } from '../../payload-types'

import { labelOf, MEETING_FORMATS } from './options'

type Place = Pick<Meeting, 'format' | 'venue'>

const venueOf = ({ venue }: Place): string => venue?.trim() ?? ''

/**
 * Where a meeting is, as the site shows it: the venue and the format ("Watford General Hospital · In person").
 * A meeting with people in a room but no venue yet says so, rather than a bare "In person". Meetings keep no
 * joining link, so an online meeting is fully described by "Online".
 */
export const meetingPlace = (meeting: Place): string => {
  const venue = venueOf(meeting)
  const format = labelOf({ options: MEETING_FORMATS, value: meeting.format ?? 'in-person' })
  if (venue) return `${venue} · ${format}`
  return meeting.format === 'online' ? format : `${format}, venue to be confirmed`
}

/** The place for a calendar entry: the venue alone when there is one. */
export const meetingLocation = (meeting: Place): string => {
  const venue = venueOf(meeting)
  if (venue) return venue
  return meeting.format === 'online' ? 'Online' : meetingPlace(meeting)
}
