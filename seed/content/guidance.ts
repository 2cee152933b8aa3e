import type { RichText } from '../../src/lib/richtext/build'
import type { CareArea, Page, User } from '../../src/payload-types'
import type { LibraryEntries } from './documents'
import type { SeedArgs } from './shared'

import { block, bulletList, heading, internalLink, paragraph, richText } from '../../src/lib/richtext/build'
import { createOrLog, logCreated, ukToday } from './shared'

// The legacy Diabetes Journey site's Commissioning page has a "Return to Step 2" link, so it is step 2.
// The documents describe no other step, so no other care area is created.
const COMMISSIONING = {
  slug: 'commissioning',
  step: 2,
  summary: 'Commissioning considerations in delivery of care to all people with one or more long-term conditions (LTC).',
  title: 'Commissioning',
}

// Bodies are built per creation so each save gets fresh block ids and its own objects; they link to the
// library entries the text mentions.
type PageSeed = Pick<Page, 'audience' | 'order' | 'slug' | 'summary' | 'title'> & {
  body: (args: { library: LibraryEntries }) => RichText
  // Completes "This page was …" on the page, with the year the text was written.
  origin: { text: string; year: number }
  relatedDocuments?: (keyof LibraryEntries)[]
}

/** The name of a library entry as a link to it, or as plain words if the entry is missing. */
const mention = ({ id, text }: { id?: number; text: string }) =>
  id === undefined ? text : internalLink({ relationTo: 'documents', text, value: id })

// From the legacy Commissioning page (document 004). "The model below" referred to a picture that was not
// supplied, so the text names the model instead. The legacy site's dated material (document 003) is from
// November 2007, and the page's text is of that time. Diabetes Without Walls links to its library entry,
// which offers the file once staff attach it: the old "(PDF 1.8MB)" described a file the hub does not hold.
const LTC_PAGE: PageSeed = {
  audience: 'public',
  origin: { text: 'written for the earlier Diabetes Journey site', year: 2007 },
  order: 10,
  slug: 'commissioning-considerations-for-long-term-conditions',
  summary:
    'What commissioners need to consider when commissioning services for people with long-term conditions, including diabetes: ' +
    'the three elements of the LTC model and ten top tips.',
  title: 'Commissioning considerations for long-term conditions',
  body: ({ library }) =>
    richText({
      children: [
        paragraph({ text: 'Commissioning considerations in delivery of care to all people with one or more LTC.' }),
        block({ blockType: 'contentsList' }),
        heading({ level: 'h2', text: 'The role of commissioning' }),
        paragraph({
          text: [
            'When commissioning services for people with LTC, Commissioners need to give equal consideration to a variety of service ' +
              'components: see ',
            mention({ id: library.diabetesWithoutWalls, text: 'Diabetes Without Walls' }),
            '.',
          ],
        }),
        paragraph({
          text: 'The role of commissioning is not just to improve services; it is to spend money wisely to get best value which includes the concept of high quality.',
        }),
        heading({ level: 'h2', text: 'LTC model' }),
        paragraph({
          text:
            'The LTC model shows components of care. At the centre of this LTC model are the needs of the individual person with ' +
            'diabetes (and/or other long term conditions). The balance of these for each individual will depend on the nature of ' +
            'their condition, and the way the condition affects the person themselves.',
        }),
        paragraph({ text: [{ text: 'The three elements all commissioners will need to commission are:', bold: true }] }),
        bulletList({
          items: [
            'Traditional specialist care either as part of a surveillance and secondary prevention programme, or as part of clinical management.',
            'Collaborative one-to-one consultations between the person with diabetes and the healthcare professional, based on a ' +
              'partnership approach which is effective in supporting self-management. This is embodied in ‘care planning’.',
            'Services which support the individual living with the condition within their community with an emphasis on support for self-care.',
          ],
        }),
        heading({ level: 'h2', text: 'Ten top tips for the commissioning of long term conditions' }),
        paragraph({
          text:
            'The DH Long Term Conditions Team has put together the following ten top tips for the commissioning of Long Term ' +
            'Conditions. These principles also apply to the commissioning of diabetes services:',
        }),
        // The section heading above introduces the tips: an empty block heading adds no second one.
        block({ blockType: 'commissioningTips', fields: { heading: '' } }),
      ],
    }),
}

// From the SCN's letter on the draft GM Diabetes Strategy (document 000): only what the letter says.
const BENCHMARKING_PAGE: PageSeed = {
  audience: 'professional',
  origin: { text: 'based on the SCN’s letter on the draft GM Diabetes Strategy', year: 2017 },
  order: 20,
  relatedDocuments: ['serviceSpecification', 'gmStrategy'],
  slug: 'service-specification-benchmarking',
  summary:
    'The SCN’s draft diabetes service specification for Greater Manchester, for benchmarking locally commissioned services, ' +
    'identifying gaps and developing improvement plans.',
  title: 'Service specification benchmarking (professionals)',
  body: () =>
    richText({
      children: [
        paragraph({
          text:
            'To support the GM Diabetes Strategy, which aims to articulate ‘what good diabetes care would look like in GM’, the ' +
            'Greater Manchester and Eastern Cheshire Strategic Clinical Network (SCN) developed a draft service specification. It ' +
            'helps localities evaluate their current approaches to diabetes.',
        }),
        paragraph({ text: 'The draft service specification can be used to:' }),
        bulletList({ items: ['benchmark locally commissioned services', 'identify gaps', 'develop improvement plans where required'] }),
        paragraph({
          text:
            'Localities already have budgets and transformation funding in place within which they need to take forward diabetes ' +
            'improvement work. The strategy and additional resources are designed to support this work and provide a mechanism to ' +
            'help localities develop consistent high quality care across GM.',
        }),
        paragraph({
          text: 'The SCN asked for queries about the draft service specification to go to Krista Williams at the SCN by 31 January 2018.',
        }),
      ],
    }),
}

export const GUIDANCE_PAGES = [LTC_PAGE, BENCHMARKING_PAGE]

const ensureCareArea = async ({ log, payload }: SeedArgs): Promise<CareArea | null> => {
  const bySlug = await payload.find({
    collection: 'care-areas',
    depth: 0,
    draft: true,
    limit: 1,
    where: { slug: { equals: COMMISSIONING.slug } },
  })
  if (bySlug.docs[0]) return bySlug.docs[0]
  const byStep = await payload.find({
    collection: 'care-areas',
    depth: 0,
    draft: true,
    limit: 1,
    where: { step: { equals: COMMISSIONING.step } },
  })
  if (byStep.docs[0]) {
    log(
      `Seed: step ${COMMISSIONING.step} is already "${byStep.docs[0].title}", so the Commissioning care area and its pages were not created.`,
    )
    return null
  }
  const created = await createOrLog({
    create: () =>
      payload.create({
        collection: 'care-areas',
        data: {
          ...COMMISSIONING,
          _status: 'published',
          // The summary is shown above the body already, so the body does not open with it again.
          body: richText({
            children: [
              paragraph({
                text: 'The role of commissioning is not just to improve services; it is to spend money wisely to get best value which includes the concept of high quality.',
              }),
            ],
          }),
        },
      }),
    log,
    what: 'the Commissioning care area',
  })
  logCreated({ count: created ? 1 : 0, log, what: 'care area (Commissioning)' })
  return created
}

const firstAdmin = async ({ payload }: Pick<SeedArgs, 'payload'>): Promise<null | User> =>
  (await payload.find({ collection: 'users', depth: 0, limit: 1, sort: 'createdAt', where: { roles: { contains: 'admin' } } })).docs[0] ??
  null

/**
 * The imported text is published so the network's guidance stays online, but nobody has reviewed it here:
 * the page says where it came from and that it awaits clinical review, its last review is not known (the
 * documents give none, and the import is not a review), it is due for review now, and it waits for a
 * clinical reviewer's sign-off. No sign-off is recorded until one publishes it.
 */
const ensurePage = async ({
  careArea,
  library,
  log,
  owner,
  payload,
  seed: { body, origin, relatedDocuments = [], ...seed },
}: SeedArgs & { careArea: CareArea; library: LibraryEntries; owner: User; seed: PageSeed }): Promise<boolean> => {
  const found = await payload.find({
    collection: 'pages',
    depth: 0,
    draft: true,
    limit: 1,
    where: { and: [{ slug: { equals: seed.slug } }, { careArea: { equals: careArea.id } }, { parent: { exists: false } }] },
  })
  if (found.docs[0]) return false
  const page = await createOrLog({
    create: () =>
      payload.create({
        collection: 'pages',
        data: {
          ...seed,
          _status: 'published',
          body: body({ library }),
          careArea: careArea.id,
          relatedDocuments: relatedDocuments.flatMap((key) => (library[key] === undefined ? [] : [library[key]])),
          review: {
            awaitingClinicalReview: true,
            contentOwner: owner.id,
            lastReviewed: null,
            nextReviewDue: ukToday(),
            origin: origin.text,
            originYear: origin.year,
          },
          signOff: { requestedAt: new Date().toISOString(), status: 'awaiting-sign-off' },
        },
      }),
    log,
    what: `guidance page "${seed.title}"`,
  })
  return Boolean(page)
}

/** The Commissioning care area and its guidance pages, published as awaiting clinical review. */
export const ensureGuidance = async ({ library = {}, log, payload }: SeedArgs & { library?: LibraryEntries }): Promise<void> => {
  const careArea = await ensureCareArea({ log, payload })
  if (!careArea) return
  const owner = await firstAdmin({ payload })
  if (!owner) {
    log(
      'Seed: no administrator exists to own the guidance pages (review.contentOwner), so they were not created; they will be on the next run.',
    )
    return
  }
  let created = 0
  for (const seed of GUIDANCE_PAGES) {
    if (await ensurePage({ careArea, library, log, owner, payload, seed })) created++
  }
  logCreated({ count: created, log, what: 'guidance pages' })
}
