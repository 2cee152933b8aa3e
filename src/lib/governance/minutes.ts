import type { MeetingStatus, MinutesState } from './options'

/** Where minutes may go next. Approval itself also needs a later meeting's confirmation (checked by the hook). */
const NEXT: Record<MinutesState, MinutesState[]> = {
  approved: ['unconfirmed'],
  draft: ['unconfirmed'],
  unconfirmed: ['draft', 'approved'],
}

export type MinutesChange = {
  from: MinutesState
  /** Reopening approved minutes is for administrators. */
  isAdmin: boolean
  meetingStatus: MeetingStatus
  to: MinutesState
}

/** The reason a change of minutes state is refused, or null when it is allowed (confirmation aside). */
export const minutesChangeProblem = ({ from, isAdmin, meetingStatus, to }: MinutesChange): null | string => {
  if (to !== 'draft' && meetingStatus !== 'held') return 'Minutes can be circulated or approved only once the meeting has been held.'
  if (to === from) return null
  if (!NEXT[from].includes(to)) {
    return from === 'draft' && to === 'approved'
      ? 'Circulate the minutes as unconfirmed before they are approved.'
      : `Minutes cannot go from "${from}" to "${to}".`
  }
  if (from === 'approved' && !isAdmin) return 'Approved minutes are the record: only an administrator can reopen them.'
  return null
}

type Row = Record<string, unknown>

const idOf = (value: unknown): unknown => (value && typeof value === 'object' ? (value as { id?: unknown }).id : value)
const ids = (values: unknown): unknown[] => (Array.isArray(values) ? values.map(idOf) : [])
const rows = (values: unknown): Row[] => (Array.isArray(values) ? (values as Row[]) : [])

/**
 * What approved minutes say, reduced to the words and names that matter, so a save that changes nothing
 * (the admin panel sends the whole document back) is told apart from an edit to the record.
 */
export const minutesFingerprint = (doc: Row): string =>
  JSON.stringify({
    agendaItems: rows(doc.agendaItems).map((item) => [item.title ?? '', item.minute ?? '', item.decision ?? '', ids(item.papers)]),
    attendance: rows(doc.attendance).map((row) => [idOf(row.person), row.attendance ?? '', idOf(row.organisation) ?? null]),
    declarations: rows(doc.declarations).map((row) => [idOf(row.person), row.interest ?? '', row.agendaItem ?? null]),
  })
