import type { Document } from '../../src/payload-types'
import type { SeedArgs } from './shared'

import { createOrLog, logCreated } from './shared'

export type DocumentKey =
  | 'diabetesWithoutWalls'
  | 'gmStrategy'
  | 'howToGuide'
  | 'improvementFramework'
  | 'planningGuidance'
  | 'serviceReview'
  | 'serviceSpecification'

/** Library entries by key, for the seeds that mention them (an entry that could not be created is absent). */
export type LibraryEntries = Partial<Record<DocumentKey, number>>

type DocumentSeed = Pick<Document, 'audience' | 'summary' | 'title'> & { publisher?: string; publicationYear?: number }

const SCN = 'Greater Manchester and Eastern Cheshire Strategic Clinical Network'

/**
 * Every document the supplied texts name, as a library entry without a file (none was supplied): staff
 * attach the file when they have it. Publisher and year only where the texts state or date them; the rest
 * stays empty rather than guessed.
 */
export const LIBRARY: Record<DocumentKey, DocumentSeed> = {
  // Document 004: the legacy Commissioning page linked it as "Diabetes Without Walls (PDF 1.8MB)".
  diabetesWithoutWalls: {
    audience: 'public',
    summary:
      'Referred to on the earlier Diabetes Journey site for the service components commissioners need to give equal consideration ' +
      'to when commissioning services for people with long-term conditions.',
    title: 'Diabetes Without Walls',
  },
  // Document 000: the strategy the SCN devised and consulted on "throughout 2017", attached to its letter.
  gmStrategy: {
    audience: 'public',
    publicationYear: 2017,
    publisher: SCN,
    summary:
      'The draft strategy for diabetes care in Greater Manchester. It aims to articulate ‘what good diabetes care would look like in GM’.',
    title: 'GM Diabetes Strategy (draft)',
  },
  // Document 000: the draft service specification attached to the same letter; for professionals, as the
  // guidance page about it is.
  serviceSpecification: {
    audience: 'professional',
    publicationYear: 2017,
    publisher: SCN,
    summary:
      'For localities to benchmark locally commissioned diabetes services, identify gaps and develop improvement plans where required.',
    title: 'Draft diabetes service specification for Greater Manchester',
  },
  // Document 001, answered on 28 November 2016: the guidance and the "How to" guide had been issued by then.
  planningGuidance: {
    audience: 'public',
    publicationYear: 2016,
    summary:
      'Announced a programme of investment in the treatment and care of people with diabetes, for which CCGs will be able to bid for ' +
      'additional funding of approximately £40 million per year.',
    title: 'NHS Operational Planning and Contracting Guidance 2017-2019',
  },
  howToGuide: {
    audience: 'public',
    publicationYear: 2016,
    summary:
      'Advice on the actions clinical commissioning groups can take to support improvements in diabetes care, issued to support Sustainability and Transformation Plans.',
    title: '“How to” guide for diabetes (Sustainability and Transformation Plans)',
  },
  improvementFramework: {
    audience: 'public',
    summary: 'The framework whose diabetes indicators identify the clinical commissioning groups in need of improvement.',
    title: 'Clinical Commissioning Group Improvement and Assessment Framework',
  },
  // Document 002: the review whose seven recommendations are under Recommendations.
  serviceReview: {
    audience: 'public',
    summary:
      'The service review conducted by Dr Sue Levi regarding HASSC recommendation number 9, with seven recommendations for diabetes care.',
    title: 'Service review by Dr Sue Levi (HASSC recommendation 9)',
  },
}

/** The library entries, found by title or created (published, without a file); an existing entry is never changed. */
export const ensureDocuments = async ({ log, payload }: SeedArgs): Promise<LibraryEntries> => {
  const entries: LibraryEntries = {}
  let created = 0
  for (const [key, seed] of Object.entries(LIBRARY) as [DocumentKey, DocumentSeed][]) {
    const found = await payload.find({ collection: 'documents', depth: 0, draft: true, limit: 1, where: { title: { equals: seed.title } } })
    if (found.docs[0]) {
      entries[key] = found.docs[0].id
      continue
    }
    const doc = await createOrLog({
      create: () => payload.create({ collection: 'documents', data: { ...seed, _status: 'published' } }),
      log,
      what: `library entry "${seed.title}"`,
    })
    if (doc) {
      entries[key] = doc.id
      created++
    }
  }
  logCreated({ count: created, log, what: 'library entries' })
  return entries
}
