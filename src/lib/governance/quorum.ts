import { relationId } from '../site/format'

type AttendanceRow = { attendance?: null | string; person?: unknown }
type GroupRoll = { chairs?: unknown[] | null; members?: { person?: unknown }[] | null; quorum?: null | number }

export type Quorum = { present: number; quorate: boolean | null; required: null | number }

/**
 * Quorum from the group's rule: chairs and members marked present count, each person once; people "in
 * attendance" (officers, guests) and those who sent apologies do not. No rule: quorate is null.
 */
export const quorumOf = ({ attendance, group }: { attendance: AttendanceRow[] | null | undefined; group: GroupRoll | null }): Quorum => {
  const roll = new Set(
    [...(group?.chairs ?? []), ...(group?.members ?? []).map((row) => row.person)].map((value) => String(relationId(value))),
  )
  const present = new Set(
    (attendance ?? [])
      .filter((row) => row.attendance === 'present')
      .map((row) => String(relationId(row.person)))
      .filter((id) => roll.has(id)),
  ).size
  const required = group?.quorum ?? null
  return { present, quorate: required === null ? null : present >= required, required }
}

export const describeQuorum = ({ quorum }: { quorum: Quorum }): string => {
  const members = `${quorum.present} member${quorum.present === 1 ? '' : 's'} present`
  if (quorum.required === null) return `${members} (the group sets no quorum)`
  return `${quorum.quorate ? 'Quorate' : 'Not quorate'}: ${members}, quorum ${quorum.required}`
}
