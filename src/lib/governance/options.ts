/** The vocabularies of network governance, shared by the collections, the site and the reminders. */

export const GROUP_VISIBILITIES = [
  { label: 'Everyone', value: 'public' },
  { label: 'Health and care professionals (signed in)', value: 'professional' },
  { label: 'Members of the group (signed in)', value: 'members' },
] as const
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number]['value']

export const MEETING_STATUSES = [
  { label: 'Scheduled', value: 'scheduled' },
  { label: 'Held', value: 'held' },
] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]['value']

export const MINUTES_STATES = [
  { label: 'Draft', value: 'draft' },
  { label: 'Unconfirmed (circulated to members)', value: 'unconfirmed' },
  { label: 'Approved', value: 'approved' },
] as const
export type MinutesState = (typeof MINUTES_STATES)[number]['value']

export const ATTENDANCE = [
  { label: 'Present', value: 'present' },
  { label: 'Apologies', value: 'apologies' },
  { label: 'In attendance', value: 'in-attendance' },
] as const
export type Attendance = (typeof ATTENDANCE)[number]['value']

export const MEETING_FORMATS = [
  { label: 'In person', value: 'in-person' },
  { label: 'Online', value: 'online' },
  { label: 'In person and online', value: 'hybrid' },
] as const

export const ACTION_STATUSES = [
  { label: 'Open', value: 'open' },
  { label: 'Done', value: 'done' },
  { label: 'Dropped', value: 'dropped' },
  { label: 'Carried forward', value: 'carried-forward' },
] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]['value']
/** Statuses of an action still to be done: the group's action log lists these. */
export const OPEN_ACTION_STATUSES: ActionStatus[] = ['open', 'carried-forward']

export const RECOMMENDATION_STATUSES = [
  { label: 'Not started', value: 'not-started' },
  { label: 'In progress', value: 'in-progress' },
  { label: 'Implemented', value: 'implemented' },
  { label: 'Not accepted', value: 'not-accepted' },
] as const
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number]['value']

export const labelOf = <T extends string>({
  options,
  value,
}: {
  options: readonly { label: string; value: T }[]
  value: null | string | undefined
}): string => options.find((option) => option.value === value)?.label ?? String(value ?? '')
