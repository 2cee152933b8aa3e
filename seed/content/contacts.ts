import type { Organisation, Person } from '../../src/payload-types'
import type { SeedArgs } from './shared'

import { createOrLog, logCreated } from './shared'

export type OrganisationKey = 'dhsc' | 'nhsEngland' | 'scn' | 'whht'
export type PersonKey =
  'angelaDevine' | 'colinJohnston' | 'ewanJones' | 'kristaWilliams' | 'mikeWalton' | 'moiraMcGrath' | 'nareshKanumilli'

export type Organisations = Partial<Record<OrganisationKey, Organisation['id']>>
export type People = Partial<Record<PersonKey, Person['id']>>

// Only what the supplied documents say; no websites, since none are given.
const ORGANISATIONS: { key: OrganisationKey; name: string; shortName?: string }[] = [
  { key: 'scn', name: 'Greater Manchester and Eastern Cheshire Strategic Clinical Network', shortName: 'SCN' },
  { key: 'whht', name: 'West Hertfordshire Hospitals NHS Trust', shortName: 'WHHT' },
  { key: 'nhsEngland', name: 'NHS England' },
  { key: 'dhsc', name: 'Department of Health and Social Care' },
]

// The documents' email addresses are obfuscated, so none are stored: the hub never invents contact details.
// Roles and organisations only where a document states them.
const PEOPLE: { jobTitle?: string; key: PersonKey; name: string; organisation?: OrganisationKey }[] = [
  { jobTitle: 'SCN Clinical Lead for Diabetes', key: 'nareshKanumilli', name: 'Naresh Kanumilli', organisation: 'scn' },
  { key: 'ewanJones', name: 'Ewan Jones' },
  { key: 'kristaWilliams', name: 'Krista Williams', organisation: 'scn' },
  { key: 'angelaDevine', name: 'Angela Devine' },
  { jobTitle: 'Consultant Endocrinologist', key: 'colinJohnston', name: 'Colin Johnston', organisation: 'whht' },
  { jobTitle: 'Practice Based Commissioning group diabetes lead', key: 'mikeWalton', name: 'Mike Walton' },
  { key: 'moiraMcGrath', name: 'Moira McGrath' },
]

/** The organisations named in the documents, found by name or created. */
export const ensureOrganisations = async ({ log, payload }: SeedArgs): Promise<Organisations> => {
  const ids: Organisations = {}
  let created = 0
  for (const { key, ...data } of ORGANISATIONS) {
    const found = await payload.find({ collection: 'organisations', depth: 0, limit: 1, where: { name: { equals: data.name } } })
    const doc =
      found.docs[0] ??
      (await createOrLog({ create: () => payload.create({ collection: 'organisations', data }), log, what: `organisation "${data.name}"` }))
    if (doc && !found.docs[0]) created++
    if (doc) ids[key] = doc.id
  }
  logCreated({ count: created, log, what: 'organisations' })
  return ids
}

/** The people named in the documents, found by name or created (never with an email address). */
export const ensurePeople = async ({ log, organisations, payload }: SeedArgs & { organisations: Organisations }): Promise<People> => {
  const ids: People = {}
  let created = 0
  for (const { key, organisation, ...data } of PEOPLE) {
    const found = await payload.find({ collection: 'people', depth: 0, limit: 1, where: { name: { equals: data.name } } })
    const doc =
      found.docs[0] ??
      (await createOrLog({
        create: () =>
          payload.create({ collection: 'people', data: { ...data, organisation: organisation ? organisations[organisation] : undefined } }),
        log,
        what: `person "${data.name}"`,
      }))
    if (doc && !found.docs[0]) created++
    if (doc) ids[key] = doc.id
  }
  logCreated({ count: created, log, what: 'people' })
  return ids
}
