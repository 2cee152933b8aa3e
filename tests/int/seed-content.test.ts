import type { CollectionSlug } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { LexicalNode } from '../../src/lib/richtext/build'
import type { Document, Page, Person, Update } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { seed } from '../../seed'
import { ensureContent } from '../../seed/content'
import { ukToday } from '../../seed/content/shared'
import { findReviewsDue } from '../../src/lib/reviews/due'
import { bulletList, numberedList, paragraph, plainTextOf, richText } from '../../src/lib/richtext/build'
import { startTestHub } from '../helpers/hub'

let hub: TestHub
const logged: string[] = []
const log = (message: string) => logged.push(message)

const SEEDED: CollectionSlug[] = [
  'organisations',
  'people',
  'care-areas',
  'pages',
  'documents',
  'commissioning-tips',
  'updates',
  'parliamentary-questions',
  'sign-offs',
  'groups',
  'meetings',
  'actions',
  'recommendations',
  'policies',
]

const PEOPLE = [
  'Naresh Kanumilli',
  'Ewan Jones',
  'Krista Williams',
  'Angela Devine',
  'Colin Johnston',
  'Mike Walton',
  'Moira McGrath',
  'Elizabeth Ponsonby',
  'Marie Anne Essam',
  'Sally Trevor',
  'Sue Whiterod',
]
const ORGANISATIONS = [
  'Greater Manchester and Eastern Cheshire Strategic Clinical Network',
  'West Hertfordshire Hospitals NHS Trust',
  'NHS England',
  'Department of Health and Social Care',
]
const LTC_SLUG = 'commissioning-considerations-for-long-term-conditions'
const CONSULTATION_SLUG = 'draft-gm-diabetes-strategy-request-for-input-from-vcse-groups'
const REDESIGN_SLUG = 'west-herts-diabetes-service-redesign-update-november-2007'

const counts = async () => {
  const result: Record<string, number> = {}
  for (const collection of SEEDED) result[collection] = (await hub.payload.count({ collection })).totalDocs
  return result
}

const findPage = async (slug: string): Promise<Page> => {
  const { docs } = await hub.payload.find({ collection: 'pages', depth: 0, where: { slug: { equals: slug } } })
  expect(docs, `page ${slug}`).toHaveLength(1)
  return docs[0]!
}

const findUpdate = async (slug: string): Promise<Update> => {
  const { docs } = await hub.payload.find({ collection: 'updates', depth: 1, where: { slug: { equals: slug } } })
  expect(docs, `update ${slug}`).toHaveLength(1)
  return docs[0]!
}

const nodesOf = (page: Pick<Page, 'body'>): LexicalNode[] => (page.body?.root.children ?? []) as LexicalNode[]
const blockTypes = (nodes: LexicalNode[]) =>
  nodes.filter((node) => node.type === 'block').map((node) => (node.fields as { blockType: string }).blockType)

let firstCounts: Record<string, number>

beforeAll(async () => {
  hub = await startTestHub({ env: { ADMIN_EMAIL: 'seed.admin@example.org', ADMIN_PASSWORD: 'a long test passphrase' } })
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('rich text builders', () => {
  it('number list items from 1 and mark bold runs with Lexical format 1', () => {
    const list = numberedList({ items: ['one', 'two', 'three'] })
    expect(list).toMatchObject({ listType: 'number', start: 1, tag: 'ol', type: 'list' })
    expect((list.children as LexicalNode[]).map((item) => item.value)).toEqual([1, 2, 3])
    expect(bulletList({ items: ['a'] })).toMatchObject({ listType: 'bullet', tag: 'ul' })
    const mixed = paragraph({ text: ['plain ', { bold: true, text: 'bold' }] })
    expect((mixed.children as LexicalNode[]).map((node) => node.format)).toEqual([0, 1])
  })

  it('plainTextOf gives one line per paragraph or list item and nothing for other values', () => {
    const value = richText({ children: [paragraph({ text: 'First' }), bulletList({ items: ['Second', 'Third'] })] })
    expect(plainTextOf({ value })).toBe('First\nSecond\nThird')
    expect(plainTextOf({ value: null })).toBe('')
  })
})

describe('content seed', () => {
  it('skips guidance pages, saying why, while no administrator exists to own them', async () => {
    await ensureContent({ log, payload: hub.payload })
    expect((await hub.payload.count({ collection: 'pages' })).totalDocs).toBe(0)
    expect(logged.join('\n')).toMatch(/no administrator exists to own the guidance pages/)
    // Everything not owned by a person is there already.
    expect((await hub.payload.count({ collection: 'commissioning-tips' })).totalDocs).toBe(10)
  })

  it('creates everything from the documents on the first full seed, without errors', async () => {
    logged.length = 0
    await seed({ log, payload: hub.payload })
    expect(logged.join('\n')).not.toMatch(/could not create|not imported/)
    firstCounts = await counts()
    expect(firstCounts).toEqual({
      'care-areas': 1,
      'commissioning-tips': 10,
      actions: 2,
      documents: 7,
      groups: 4,
      meetings: 5,
      organisations: 13,
      pages: 2,
      'parliamentary-questions': 1,
      people: 11,
      // Privacy notice, accessibility statement, cookies and contact.
      policies: 4,
      recommendations: 7,
      // Nothing imported has been signed off by a clinical reviewer.
      'sign-offs': 0,
      updates: 2,
    })
  })

  it('stores the ten top tips ranked 1 to 10 in document order, published', async () => {
    const { docs } = await hub.payload.find({ collection: 'commissioning-tips', limit: 20, sort: 'rank' })
    expect(docs.map((tip) => tip.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(docs[0]!.title).toBe('Proactively create a user-centred, can-do culture')
    expect(docs[0]!.body).toMatch(/^Create a simple user centred vision for the whole system/)
    expect(docs[8]!.title).toBe('Establish information sharing protocols and consensus')
    expect(docs[8]!.body).toMatch(/^Agree to sharing protocol between commissioning organisations\./)
    expect(docs[9]!.title).toBe('Engage and upskill primary and community care providers')
    expect(docs.every((tip) => tip._status === 'published')).toBe(true)
  })

  it('creates the Commissioning care area at step 2 with the legacy summary, its body not opening with the summary again', async () => {
    const { docs } = await hub.payload.find({ collection: 'care-areas', depth: 0 })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ _status: 'published', slug: 'commissioning', step: 2, title: 'Commissioning' })
    expect(docs[0]!.summary).toMatch(/one or more long-term conditions/)
    const body = plainTextOf({ value: docs[0]!.body })
    expect(body).toMatch(/^The role of commissioning is not just to improve services/)
    expect(body).not.toContain(docs[0]!.summary)
  })

  it('publishes the LTC guidance page with a contents list, the tips block, the three elements and review dates', async () => {
    const page = await findPage(LTC_SLUG)
    const careArea = (await hub.payload.find({ collection: 'care-areas', where: { slug: { equals: 'commissioning' } } })).docs[0]!
    const admin = (await hub.payload.find({ collection: 'users', where: { email: { equals: 'seed.admin@example.org' } } })).docs[0]!
    expect(page).toMatchObject({
      _status: 'published',
      audience: 'public',
      careArea: careArea.id,
      title: 'Commissioning considerations for long-term conditions',
    })

    const nodes = nodesOf(page)
    expect(blockTypes(nodes)).toEqual(['contentsList', 'commissioningTips'])
    expect(nodes.findIndex((node) => node.type === 'block')).toBeLessThanOrEqual(1)
    const lists = nodes.filter((node) => node.type === 'list')
    expect(lists).toHaveLength(1)
    expect((lists[0]!.children as LexicalNode[]).map((item) => item.value)).toEqual([1, 2, 3])
    const text = plainTextOf({ value: page.body })
    expect(text).toContain('Traditional specialist care either as part of a surveillance and secondary prevention programme')
    expect(page.review.contentOwner).toBe(admin.id)
    // The section heading introduces the tips; the block adds no second heading.
    const tipsBlock = nodes.find(
      (node) => node.type === 'block' && (node.fields as { blockType: string }).blockType === 'commissioningTips',
    )!
    expect((tipsBlock.fields as { heading: string }).heading).toBe('')
  })

  it('marks the imported pages as awaiting clinical review: no review date stamped, due now, no sign-off', async () => {
    const today = ukToday()
    for (const [slug, origin, year] of [
      [LTC_SLUG, 'written for the earlier Diabetes Journey site', 2007],
      ['service-specification-benchmarking', 'based on the SCN’s letter on the draft GM Diabetes Strategy', 2017],
    ] as const) {
      const page = await findPage(slug)
      expect(page.review, slug).toMatchObject({ awaitingClinicalReview: true, origin, originYear: year })
      // The documents state no review date, and importing is not a review.
      expect(page.review.lastReviewed ?? null, slug).toBeNull()
      expect(page.review.nextReviewDue.slice(0, 10), slug).toBe(today)
      expect(page.signOff.status, slug).toBe('awaiting-sign-off')
      expect(page.signOff.signedOffAt ?? null, slug).toBeNull()
      expect(page.signOff.signedOffBy ?? null, slug).toBeNull()
    }
    const rows = await findReviewsDue({ payload: hub.payload })
    expect(
      rows
        .filter((row) => row.awaitingClinicalReview)
        .map((row) => row.title)
        .sort(),
    ).toEqual(['Commissioning considerations for long-term conditions', 'Service specification benchmarking (professionals)'])
  })

  it('creates a library entry, without a file, for each document the texts name', async () => {
    const { docs } = await hub.payload.find({ collection: 'documents', depth: 0, limit: 20, sort: 'title' })
    const summary = (doc: Document) => [doc.title, doc.publisher ?? null, doc.publicationYear ?? null, doc.audience]
    expect(docs.map(summary)).toEqual([
      ['Clinical Commissioning Group Improvement and Assessment Framework', null, null, 'public'],
      ['Diabetes Without Walls', null, null, 'public'],
      [
        'Draft diabetes service specification for Greater Manchester',
        'Greater Manchester and Eastern Cheshire Strategic Clinical Network',
        2017,
        'professional',
      ],
      ['GM Diabetes Strategy (draft)', 'Greater Manchester and Eastern Cheshire Strategic Clinical Network', 2017, 'public'],
      ['NHS Operational Planning and Contracting Guidance 2017-2019', null, 2016, 'public'],
      ['Service review by Dr Sue Levi (HASSC recommendation 9)', null, null, 'public'],
      ['“How to” guide for diabetes (Sustainability and Transformation Plans)', null, 2016, 'public'],
    ])
    expect(docs.every((doc) => doc._status === 'published' && !doc.filename && !doc.url && !doc.publicationDate)).toBe(true)
  })

  it('links the mention of Diabetes Without Walls to its library entry instead of promising a PDF and a size', async () => {
    const page = await findPage(LTC_SLUG)
    const text = plainTextOf({ value: page.body })
    expect(text).toContain('give equal consideration to a variety of service components: see Diabetes Without Walls.')
    expect(text).not.toMatch(/PDF|1\.8/)
    const entry = (await hub.payload.find({ collection: 'documents', where: { title: { equals: 'Diabetes Without Walls' } } })).docs[0]!
    const links: LexicalNode[] = []
    const walk = (node: LexicalNode) => {
      if (node.type === 'link') links.push(node)
      for (const child of (node.children as LexicalNode[] | undefined) ?? []) walk(child)
    }
    nodesOf(page).forEach(walk)
    expect(links.map((link) => link.fields)).toEqual([
      { doc: { relationTo: 'documents', value: entry.id }, linkType: 'internal', newTab: false },
    ])
  })

  it('attaches the strategy documents to the letter, the specification to the benchmarking page and the review to its recommendations', async () => {
    const titleOf = (value: unknown) => (value as Document).title
    const letter = await findUpdate(CONSULTATION_SLUG)
    expect((letter.attachments ?? []).map(titleOf)).toEqual([
      'GM Diabetes Strategy (draft)',
      'Draft diabetes service specification for Greater Manchester',
    ])
    const benchmarking = (
      await hub.payload.find({ collection: 'pages', depth: 1, where: { slug: { equals: 'service-specification-benchmarking' } } })
    ).docs[0]!
    expect((benchmarking.relatedDocuments ?? []).map(titleOf)).toEqual([
      'Draft diabetes service specification for Greater Manchester',
      'GM Diabetes Strategy (draft)',
    ])
    const { docs } = await hub.payload.find({ collection: 'recommendations', depth: 1, limit: 10 })
    expect(docs.map((doc) => titleOf(doc.sourceDocument))).toEqual(Array(7).fill('Service review by Dr Sue Levi (HASSC recommendation 9)'))
  })

  it('adds the professional benchmarking page from the SCN letter, hidden from the public', async () => {
    const page = await findPage('service-specification-benchmarking')
    expect(page).toMatchObject({ _status: 'published', audience: 'professional' })
    expect(plainTextOf({ value: page.body })).toMatch(/benchmark locally commissioned services\nidentify gaps\ndevelop improvement plans/)
    const asPublic = await hub.payload.find({ collection: 'pages', overrideAccess: false, where: { slug: { equals: page.slug } } })
    expect(asPublic.docs).toHaveLength(0)
  })

  it('stores the strategy letter as a consultation with its deadline and the people to contact', async () => {
    const update = await findUpdate(CONSULTATION_SLUG)
    expect(update.isConsultation).toBe(true)
    expect(update.date.slice(0, 10)).toBe('2017-12-15')
    expect(update.from).toBe('Naresh Kanumilli, SCN Clinical Lead for Diabetes')
    expect((update.fromOrganisation as { name: string }).name).toBe('Greater Manchester and Eastern Cheshire Strategic Clinical Network')
    expect(update.consultation?.feedbackDeadline?.slice(0, 10)).toBe('2018-01-31')
    expect((update.consultation?.feedbackTo as Person).name).toBe('Ewan Jones')
    expect(update.consultation?.feedbackInstructions).toMatch(/Ewan Jones.*Krista Williams/s)
    expect((update.contacts as Person[]).map((person) => person.name).sort()).toEqual([
      'Angela Devine',
      'Ewan Jones',
      'Krista Williams',
      'Naresh Kanumilli',
    ])
    const text = plainTextOf({ value: update.body })
    expect(text).toMatch(/^Dear Colleagues\n/)
    expect(text).toContain('by 31 January 2018')
    expect(`${text} ${update.consultation?.feedbackInstructions}`).not.toMatch(/@|email protected/)
  })

  it('stores the West Herts redesign group update with its authors and the typo fixed', async () => {
    const update = await findUpdate(REDESIGN_SLUG)
    expect(update.date.slice(0, 10)).toBe('2007-11-15')
    expect(update.isConsultation).toBe(false)
    expect(update.from).toBe('Colin Johnston, Mike Walton, Moira McGrath')
    expect((update.contacts as Person[]).map((person) => person.name).sort()).toEqual(['Colin Johnston', 'Mike Walton', 'Moira McGrath'])
    const nodes = nodesOf(update)
    expect(nodes.filter((node) => node.type === 'heading').length).toBeGreaterThanOrEqual(2)
    expect(nodes.filter((node) => node.type === 'list')).toHaveLength(1)
    const text = plainTextOf({ value: update.body })
    expect(text).toContain('co-chaired by Dr Colin Johnston, Consultant Endocrinologist WHHT')
    expect(text).not.toMatch(/Coiin|sytem/)
  })

  it('imports the written question through the parser, with its dates and the £40 million answer', async () => {
    const { docs } = await hub.payload.find({ collection: 'parliamentary-questions' })
    expect(docs).toHaveLength(1)
    const question = docs[0]!
    expect(question).toMatchObject({ _status: 'published', answeringBody: 'Department of Health and Social Care', heading: 'Diabetes' })
    expect(question.uin ?? null).toBeNull()
    expect(question.askingMember ?? null).toBeNull()
    expect(question.dateAsked.slice(0, 10)).toBe('2016-11-21')
    expect(question.dateAnswered?.slice(0, 10)).toBe('2016-11-28')
    expect(question.question).toMatch(/^To ask the Secretary of State for Health, what steps/)
    expect(question.answer).toContain('approximately £40 million per year')
    expect(question.answer).toContain('\n- NHS England regional teams:')
    expect(question.answer).not.toMatch(/Reticulating/)
  })

  it('stores the named organisations and people, with no email address for anyone', async () => {
    for (const name of ORGANISATIONS) {
      expect((await hub.payload.count({ collection: 'organisations', where: { name: { equals: name } } })).totalDocs, name).toBe(1)
    }
    const { docs } = await hub.payload.find({ collection: 'people', depth: 1, limit: 50 })
    expect(docs.map((person) => person.name).sort()).toEqual([...PEOPLE].sort())
    expect(docs.filter((person) => person.email)).toEqual([])
    const colin = docs.find((person) => person.name === 'Colin Johnston')!
    expect(colin.jobTitle).toBe('Consultant Endocrinologist')
    expect((colin.organisation as { shortName: string }).shortName).toBe('WHHT')
  })

  it('sets the header and footer navigation', async () => {
    const navigation = await hub.payload.findGlobal({ slug: 'navigation' })
    expect(navigation.header?.map((link) => link.href)).toEqual([
      '/',
      '/#care-areas',
      '/commissioning/ten-top-tips',
      '/updates',
      '/consultations',
      '/parliamentary-questions',
      '/documents',
      '/governance',
      '/recommendations',
      '/ask',
    ])
    expect(navigation.footer?.length).toBeGreaterThan(0)
  })

  it('seeds the redesign group: co-chairs, the four PBC leads with their groups, two held meetings and the mid-December one', async () => {
    const group = (
      await hub.payload.find({ collection: 'groups', depth: 2, where: { name: { equals: 'West Herts Diabetes Service Redesign Group' } } })
    ).docs[0]!
    expect(group.visibility).toBe('public')
    expect((group.parent as { name: string }).name).toBe('West Herts Clinical Conclave')
    expect((group.chairs as Person[]).map((person) => person.name)).toEqual(['Colin Johnston', 'Mike Walton'])
    const leads = (group.members ?? [])
      .filter((member) => member.role?.includes('PBC group diabetes lead'))
      .map((member) => `${(member.person as Person).name} (${(member.organisation as { shortName: string }).shortName})`)
    expect(leads).toEqual([
      'Mike Walton (STAHCOM)',
      'Elizabeth Ponsonby (DAC-COM)',
      'Marie Anne Essam (WAT-COM)',
      'Sally Trevor (Hertsmere)',
    ])
    const meetings = (
      await hub.payload.find({ collection: 'meetings', depth: 0, sort: 'startsAt', where: { group: { equals: group.id } } })
    ).docs
    expect(meetings.map((meeting) => [meeting.day, meeting.status, meeting.minutesStatus])).toEqual([
      ['2007-09-12', 'held', 'approved'],
      ['2007-11-07', 'held', 'unconfirmed'],
      ['2007-12-12', 'scheduled', 'draft'],
    ])
    expect(meetings[0]!.minutesApproval?.confirmedBy).toBe(meetings[1]!.id)
    expect(meetings[1]!.attendance?.filter((row) => row.attendance === 'present')).toHaveLength(4)
    expect(meetings[1]!.agendaItems?.[0]?.decision).toMatch(/managed within primary care/)
    expect(meetings[1]!.nextMeetingNote).toMatch(/^Mid-December/)
    expect(meetings[2]).toMatchObject({ allDay: true, provisional: true })
    const actions = (await hub.payload.find({ collection: 'actions', depth: 1, where: { meeting: { equals: meetings[1]!.id } } })).docs
    expect(actions).toHaveLength(2)
    expect(actions.every((action) => (action.owner.value as { name: string }).name === 'West Herts PBC Diabetes Consortium')).toBe(true)
    const workforce = (await hub.payload.find({ collection: 'meetings', depth: 1, where: { day: { equals: '2007-12-05' } } })).docs[0]!
    expect((workforce.group as { name: string }).name).toBe('Workforce Project Group')
  })

  it('imports the seven service-review recommendations as records, with the sub-points of the seventh and its owners', async () => {
    const { docs } = await hub.payload.find({ collection: 'recommendations', depth: 1, sort: 'number' })
    expect(docs.map((doc) => `${doc.number}. ${doc.title}`)).toEqual([
      '1. Integration',
      '2. Leadership, partnership and clinical engagement',
      '3. Integrated IMT and data sharing',
      '4. Shared governance',
      '5. Alignment of finances',
      '6. Reconsider patient education provision',
      '7. Work together',
    ])
    expect(
      docs.every((doc) => doc.status === 'not-started' && doc.review === 'Service review by Dr Sue Levi (HASSC recommendation 9)'),
    ).toBe(true)
    expect(docs[0]!.detail).toMatch(/own the health outcomes/)
    expect(docs[6]!.subPoints?.map((point) => point.text)).toHaveLength(3)
    expect(docs[6]!.subPoints?.[0]?.text).toMatch(/named Lead Diabetes Clinician/)
    const owners = (docs[6]!.owners as { name: string; shortName?: null | string }[]).map((owner) => owner.shortName ?? owner.name)
    expect(owners).toEqual(['CCG', 'NHS England', 'NELFT', 'LMC', 'GPs'])
  })

  it('is idempotent: a second run creates nothing and keeps edits made since', async () => {
    const tip = (await hub.payload.find({ collection: 'commissioning-tips', where: { rank: { equals: 1 } } })).docs[0]!
    await hub.payload.update({ collection: 'commissioning-tips', data: { title: 'A culture that puts users first' }, id: tip.id })
    await hub.payload.updateGlobal({ slug: 'navigation', data: { header: [{ href: '/', label: 'Start' }] } })
    const page = await findPage(LTC_SLUG)
    await hub.payload.update({ collection: 'pages', data: { summary: 'Edited by the network.' }, id: page.id })

    logged.length = 0
    await seed({ log, payload: hub.payload })
    expect(logged).toEqual([])
    expect(await counts()).toEqual(firstCounts)

    const tips = (await hub.payload.find({ collection: 'commissioning-tips', sort: 'rank' })).docs
    expect(tips[0]!.title).toBe('A culture that puts users first')
    expect(tips).toHaveLength(10)
    expect((await findPage(LTC_SLUG)).summary).toBe('Edited by the network.')
    expect((await hub.payload.findGlobal({ slug: 'navigation' })).header?.map((link) => link.label)).toEqual(['Start'])
  })
})
