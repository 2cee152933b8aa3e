import type { SeedArgs } from './shared'

import { slugify } from '../../src/lib/fields/slug'
import { createOrLog, logCreated } from './shared'

/**
 * The DH Long Term Conditions Team's ten top tips, as the legacy Diabetes Journey site listed them: the bold
 * lead sentence is the title, the rest the body. Typos fixed only where unambiguous (spacing, "coterminous").
 */
export const TIPS: { body: string; title: string }[] = [
  {
    title: 'Proactively create a user-centred, can-do culture',
    body: 'Create a simple user centred vision for the whole system, i.e. diabetes care, and promote it using clinical champions, user cases, etc.',
  },
  {
    title: 'Share one vision, strategy, priorities and targets',
    body:
      'Invest in a close working relationship with other commissioners focused on a single vision. Establish clear joint working ' +
      'arrangements and work as one team to develop a single joint strategy which meets the targets of all commissioners.',
  },
  {
    title: 'Stimulate and support provider innovation to meet specifications',
    body:
      'Encourage the integration of services that are not disease-specific e.g. community and social care. Support frontline ' +
      'co-working of integrated teams, e.g. team development, clinical champions, making populations coterminous. Facilitate ' +
      'exposure to ideas from elsewhere. Fund/use PCT capacity and capabilities to support projects.',
  },
  {
    title: 'Assess user risk using existing algorithms with primary care data',
    body:
      'Use a recognised method, e.g. the combined predictive model (Kings Fund) and clinical judgement or, failing that, a ' +
      'simpler method e.g. a whiteboard system.',
  },
  {
    title: 'Innovate to educate and motivate users and carers for self care',
    body:
      'Promote motivational interviewing and staff training. Also develop motivational counselling service for users. Promote ' +
      'on-going user education courses, e.g. QISMET – engage and incentivise GPs to refer; use sales and marketing techniques. ' +
      'Use expert service users.',
  },
  {
    title: 'Specify few measures of outcome and experience, including integration',
    body:
      'A single specification and contract for jointly commissioned services. Specify integrated care and only a few of the most ' +
      'pertinent metrics, e.g. delayed discharge, admissions avoided, user satisfaction.',
  },
  {
    title: 'Clear professional responsibility for specific user outcomes',
    body:
      'Assign responsibility for wellbeing of a defined population to a provider. Specify one ‘key worker’ for each service user ' +
      'to coordinate and integrate across services and professionals.',
  },
  {
    title: 'Take quick wins and work-arounds in IT',
    body:
      'Enable remote read-only access. Transfer paper records to one of the existing IT systems. Support development/ purchase ' +
      'of a new IT for a workable subset of providers.',
  },
  {
    title: 'Establish information sharing protocols and consensus',
    body:
      'Agree to sharing protocol between commissioning organisations. Ask providers to get user consent to share information ' +
      'with the other local professionals supporting them. Run pseudo-anonymised reports to share. Involve and engage ' +
      'clinicians; make information sharing optional for GPs initially. This can reduce duplicated care and testing.',
  },
  {
    title: 'Engage and upskill primary and community care providers',
    body:
      'Ensure GPs are engaged in all developments. Create or specify roles responsible for improving a defined skill-set in a ' +
      'defined provider set, e.g. GP practice staff ability to treat diabetes.',
  },
]

/** One tip per rank, created only when that rank is free, so editors' changes to a tip are never replaced. */
export const ensureTips = async ({ log, payload }: SeedArgs): Promise<void> => {
  let created = 0
  for (const [index, tip] of TIPS.entries()) {
    const rank = index + 1
    const existing = await payload.count({ collection: 'commissioning-tips', where: { rank: { equals: rank } } })
    if (existing.totalDocs > 0) continue
    const doc = await createOrLog({
      create: () =>
        payload.create({ collection: 'commissioning-tips', data: { ...tip, _status: 'published', rank, slug: slugify(tip.title) } }),
      log,
      what: `commissioning tip ${rank}`,
    })
    if (doc) created++
  }
  logCreated({ count: created, log, what: 'commissioning tips' })
}
