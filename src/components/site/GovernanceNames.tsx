import type { Action, Organisation, Person } from '@/payload-types'

/** A person's name with their organisation when it is known: "Colin Johnston (WHHT)". */
export const personLabel = ({ organisation, person }: { organisation?: unknown; person: unknown }): string => {
  if (!person || typeof person !== 'object') return 'Unknown'
  const { name, organisation: own } = person as Person
  const org = (organisation && typeof organisation === 'object' ? organisation : own) as null | Organisation | undefined
  return org && typeof org === 'object' ? `${name} (${org.shortName || org.name})` : name
}

export const ownerLabel = ({ owner }: { owner: Action['owner'] }): string => {
  const value = owner?.value
  if (!value || typeof value !== 'object') return 'Unknown'
  return owner.relationTo === 'people' ? personLabel({ person: value }) : (value as Organisation).name
}
