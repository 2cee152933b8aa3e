import type { Payload } from 'payload'

import type { Organisations, People } from './contacts'
import type { SeedArgs } from './shared'
import type { LinkingSeedArgs } from './steps'

import { createOrLog, logCreated } from './shared'

type Id = number | string
type Key = string

/**
 * Network governance from the documents supplied.
 *
 * Document 003 (the update for the West Herts Clinical Conclave, 15/11/07) names the Diabetes Service Redesign
 * Group, its co-chairs, the four PBC group diabetes leads who joined it for its meetings of 12/9/07 and 7/11/07,
 * its next meeting in mid-December, the Workforce Project Group (meeting on 5/12/07) and the PBC consortium the
 * leads are forming. The leads and their PBC groups were printed as two columns; they are paired here in the
 * order printed, which is consistent with Dr Mike Walton leading STAHCOM (the co-chair named in both places).
 * Meeting times are not given, so meetings are whole-day entries. The update does not say when the minutes of
 * 12 September were confirmed; as is usual they are recorded as confirmed at the next meeting, 7 November, whose
 * own minutes await the December meeting. Document 000 names the diabetes network hosted by the SCN.
 *
 * Document 002 holds the seven recommendations of the service review by Dr Sue Levi (HASSC recommendation 9).
 */

const ORGANISATIONS: { key: Key; name: string; shortName: string }[] = [
  { key: 'dacCom', name: 'DAC-COM practice based commissioning group', shortName: 'DAC-COM' },
  { key: 'watCom', name: 'WAT-COM practice based commissioning group', shortName: 'WAT-COM' },
  { key: 'stahCom', name: 'STAHCOM practice based commissioning group', shortName: 'STAHCOM' },
  { key: 'hertsmere', name: 'Hertsmere practice based commissioning group', shortName: 'Hertsmere' },
  { key: 'consortium', name: 'West Herts PBC Diabetes Consortium', shortName: 'PBC Diabetes Consortium' },
  // Document 002, recommendation 7.
  { key: 'ccg', name: 'The clinical commissioning group', shortName: 'CCG' },
  { key: 'nelft', name: 'North East London NHS Foundation Trust', shortName: 'NELFT' },
  { key: 'lmc', name: 'The Local Medical Committee', shortName: 'LMC' },
  { key: 'gps', name: 'General practices', shortName: 'GPs' },
]

const PEOPLE: { jobTitle?: string; key: Key; name: string; organisation?: Key }[] = [
  { jobTitle: 'PBC group diabetes lead', key: 'elizabethPonsonby', name: 'Elizabeth Ponsonby', organisation: 'dacCom' },
  { jobTitle: 'PBC group diabetes lead', key: 'marieAnneEssam', name: 'Marie Anne Essam', organisation: 'watCom' },
  { jobTitle: 'PBC group diabetes lead', key: 'sallyTrevor', name: 'Sally Trevor', organisation: 'hertsmere' },
  { jobTitle: 'WHHT Leadership Department', key: 'sueWhiterod', name: 'Sue Whiterod', organisation: 'whht' },
]

const findOrCreate = async <T extends { id: Id }>({
  create,
  find,
  log,
  what,
}: {
  create: () => Promise<T>
  find: () => Promise<T | undefined>
  log: SeedArgs['log']
  what: string
}): Promise<{ created: boolean; doc: null | T }> => {
  const found = await find()
  if (found) return { created: false, doc: found }
  const doc = await createOrLog({ create, log, what })
  return { created: Boolean(doc), doc }
}

const byName = ({ collection, name, payload }: { collection: 'groups' | 'organisations' | 'people'; name: string; payload: Payload }) =>
  payload
    .find({ collection, depth: 0, limit: 1, where: { name: { equals: name } } })
    .then((result) => result.docs[0] as { id: Id } | undefined)

type GroupSeed = {
  chairs: Key[]
  members: { organisation?: Key; person: Key; role: string }[]
  name: string
  parent?: string
  purpose: string
}

const GROUPS: GroupSeed[] = [
  {
    chairs: [],
    members: [],
    name: 'West Herts Clinical Conclave',
    purpose: 'The clinical forum to which the Diabetes Service Redesign Group reports its progress.',
  },
  {
    chairs: ['colinJohnston', 'mikeWalton'],
    members: [
      { organisation: 'whht', person: 'colinJohnston', role: 'Co-chair; Consultant Endocrinologist' },
      { organisation: 'stahCom', person: 'mikeWalton', role: 'Co-chair; PBC group diabetes lead' },
      { organisation: 'dacCom', person: 'elizabethPonsonby', role: 'PBC group diabetes lead' },
      { organisation: 'watCom', person: 'marieAnneEssam', role: 'PBC group diabetes lead' },
      { organisation: 'hertsmere', person: 'sallyTrevor', role: 'PBC group diabetes lead' },
      { organisation: 'whht', person: 'sueWhiterod', role: 'Led the bid for workforce redesign resources' },
    ],
    name: 'West Herts Diabetes Service Redesign Group',
    parent: 'West Herts Clinical Conclave',
    purpose:
      'Structured by WHHT with the former PCTs’ provider services as part of "Investing in Your Health", the group ' +
      'redesigns local diabetes services: pathway development (Type 2, Type 1 and foot care) and plans for developing the ' +
      'local workforce.',
  },
  {
    chairs: [],
    members: [],
    name: 'Workforce Project Group',
    parent: 'West Herts Diabetes Service Redesign Group',
    purpose:
      'Develops an education and development proposal across Herts for all providers of diabetes care, extending into ' +
      'patient education, with support from commercial, voluntary and academic organisations under a Collaborative ' +
      'Framework and Guidance Principles that keep the agenda driven solely by the group.',
  },
  {
    chairs: [],
    members: [],
    name: 'Greater Manchester Diabetes Network',
    purpose:
      'Hosted by the Strategic Clinical Network with a governance structure: a forum for considering variation identified ' +
      'in the system and opportunities for joint working to reduce or eradicate it where possible.',
  },
]

type AgendaSeed = { decision?: string; minute?: string; title: string }
type MeetingSeed = {
  agendaItems: AgendaSeed[]
  attendance: Key[]
  confirms?: string
  dateNote?: string
  day: string
  group: string
  minutesStatus: 'approved' | 'draft' | 'unconfirmed'
  nextMeeting?: { date: string; note: string }
  provisional?: boolean
  status: 'held' | 'scheduled'
}

const REDESIGN = 'West Herts Diabetes Service Redesign Group'
const PBC_LEADS: Key[] = ['elizabethPonsonby', 'marieAnneEssam', 'mikeWalton', 'sallyTrevor']

// In date order: a meeting that confirms minutes is created after the meeting it confirms.
const MEETINGS: MeetingSeed[] = [
  {
    agendaItems: [],
    attendance: PBC_LEADS,
    day: '2007-09-12',
    group: REDESIGN,
    // Held with unconfirmed minutes; the next meeting's confirmation approves them.
    minutesStatus: 'unconfirmed',
    status: 'held',
  },
  {
    agendaItems: [
      {
        decision:
          'The vast majority of patients with Type 2 diabetes should be managed within primary care, with specialist services ' +
          'supporting and advising practices to provide this care.',
        minute:
          'The group reviewed the work to date on the Type 2 diabetes pathway. Specialist support was likely to be needed in an ' +
          'increasing number of patients at the time of diagnosis and for many with sub-optimal control.',
        title: 'Type 2 diabetes pathway',
      },
      {
        minute:
          'Current contracting arrangements with WHHT through the national tariff only fund consultants and nurses for ' +
          '"face to face" contacts with patients; a system is needed which provides much easier, rapid access without increased ' +
          'cost. Current provision for dietetics, education and community specialist nurses is inadequate and progress cannot be ' +
          'made until this is resolved. Funding cannot come from current secondary care provision. The New-to-Follow-Up ratio ' +
          'specified by EoE Region poses particular challenges in diabetes, whose chronicity and complexity do not allow it to be ' +
          'managed within such a constrained Service Level Agreement: this needs an interim plan for 2007/8 and a definitive plan ' +
          'for 2008/9.',
        title: 'Commissioning and contracting arrangements',
      },
      {
        decision:
          'Aim to make changes to services during the next financial year; commissioners to set a timetable for the group to ' +
          'achieve this. The PBC Diabetes Consortium, working closely with the PCT and provider services, will agree the best ' +
          'commissioning or procurement approach to achieve the pathway, from adapting existing contracts with WHHT and PCT ' +
          'provider services to a full tender for services from alternate providers.',
        title: 'Timetable and commissioning approach',
      },
    ],
    attendance: PBC_LEADS,
    confirms: '2007-09-12',
    day: '2007-11-07',
    group: REDESIGN,
    minutesStatus: 'unconfirmed',
    nextMeeting: {
      date: '2007-12-12',
      note: 'Mid-December: complete the review of Type 2 and review the Type 1 diabetes and foot care pathways.',
    },
    status: 'held',
  },
  {
    agendaItems: [
      { title: 'Type 2 diabetes pathway: complete the review' },
      { title: 'Type 1 diabetes pathway' },
      { title: 'Foot care pathway' },
    ],
    attendance: [],
    dateNote: 'Mid-December 2007, date to be confirmed',
    day: '2007-12-12',
    group: REDESIGN,
    minutesStatus: 'draft',
    provisional: true,
    status: 'scheduled',
  },
  {
    agendaItems: [{ title: 'Education and development proposal' }],
    attendance: [],
    day: '2007-12-05',
    group: 'Workforce Project Group',
    minutesStatus: 'draft',
    status: 'scheduled',
  },
  {
    agendaItems: [{ title: 'Update from the Diabetes Service Redesign Group' }],
    attendance: [],
    day: '2007-11-15',
    group: 'West Herts Clinical Conclave',
    minutesStatus: 'draft',
    status: 'held',
  },
]

const ACTIONS: { agendaItem: number; day: string; owner: Key; title: string }[] = [
  {
    agendaItem: 3,
    day: '2007-11-07',
    owner: 'consortium',
    title: 'Set a timetable for the group to make the service changes during the next financial year.',
  },
  {
    agendaItem: 3,
    day: '2007-11-07',
    owner: 'consortium',
    title: 'Agree the best commissioning or procurement approach to achieve the Type 2 pathway, with the PCT and provider services.',
  },
]

type RecommendationSeed = { detail: string; number: number; owners?: Key[]; subPoints?: string[]; title: string }

export const SERVICE_REVIEW = 'Service review by Dr Sue Levi (HASSC recommendation 9)'

export const RECOMMENDATIONS: RecommendationSeed[] = [
  {
    detail:
      'All the professionals, carers and patients join together in partnership to own the health outcomes of patients with ' +
      'diabetes in their local area, i.e. the diabetic population’s average glucose control (HbA1c) belongs to the IDS, ' +
      'hospital staff and GPs.',
    number: 1,
    title: 'Integration',
  },
  {
    detail:
      'The best achieving models of diabetes care have strong leaders, high levels of engagement and care seen as important by ' +
      'all contributors. Decisions need to be made locally as to the leadership role of the GP with a Special Interest, GP ' +
      'Clinical Director with responsibility for Diabetes and the Diabetes Consultant.',
    number: 2,
    title: 'Leadership, partnership and clinical engagement',
  },
  {
    detail:
      'Poor outcomes, e.g. sugar control, blood pressure and cholesterol, must be owned by everyone and be visible to all in the ' +
      'service. This has been achieved elsewhere and auto-extraction would be possible via Health Analytics software access. ' +
      'This aspect could be researched to see solutions elsewhere.',
    number: 3,
    title: 'Integrated IMT and data sharing',
  },
  {
    detail:
      'So that all are responsible for outcomes and all learn from poor experiences. Have to be accountable to someone even if not formal.',
    number: 4,
    title: 'Shared governance',
  },
  {
    detail:
      'If providers are aligned towards outcomes, e.g. blood sugar control or amputations, there will be a natural focus and ' +
      'increased cooperation. This could use the same metrics, e.g. HbA1c, used differently in the different organisations: the ' +
      'Quality and Outcomes Framework in primary care, CQUINs (Commissioning for Quality and Innovation) for the community provider.',
    number: 5,
    title: 'Alignment of finances',
  },
  {
    detail:
      'Reconsider patient education provision to approximately double availability. Needs new approaches to advertising the ' +
      'service, inviting patients, following up non-attendance etc. Also, increase the knowledge of the professional workforce ' +
      'on the vital role of patient engagement and ownership of their condition.',
    number: 6,
    title: 'Reconsider patient education provision',
  },
  {
    detail: 'The CCG, NHS England, the North East London Foundation Trust, the Local Medical Committee and GPs need to work together to:',
    number: 7,
    owners: ['ccg', 'nhsEngland', 'nelft', 'lmc', 'gps'],
    subPoints: [
      'Enhance and encourage prioritisation of diabetes care in each General Practice, including monitoring if a practice has a named Lead Diabetes Clinician.',
      'Monitor if the practice "permits" in-reach training and peer education, and what to do if the practice doesn’t allow entry.',
      'How to manage poor diabetes outcomes, e.g. poor sugar control, high level of exception reporting.',
    ],
    title: 'Work together',
  },
]

const ensureContacts = async ({ log, organisations, payload, people }: SeedArgs & { organisations: Organisations; people: People }) => {
  const orgIds: Record<Key, Id> = { ...(organisations as Record<Key, Id>) }
  const personIds: Record<Key, Id> = { ...(people as Record<Key, Id>) }
  let created = 0
  for (const { key, ...data } of ORGANISATIONS) {
    const result = await findOrCreate({
      create: () => payload.create({ collection: 'organisations', data }),
      find: () => byName({ collection: 'organisations', name: data.name, payload }),
      log,
      what: `organisation "${data.name}"`,
    })
    if (result.doc) orgIds[key] = result.doc.id
    if (result.created) created++
  }
  for (const { key, organisation, ...data } of PEOPLE) {
    const result = await findOrCreate({
      create: () =>
        payload.create({
          collection: 'people',
          data: { ...data, organisation: organisation ? (orgIds[organisation] as number) : undefined },
        }),
      find: () => byName({ collection: 'people', name: data.name, payload }),
      log,
      what: `person "${data.name}"`,
    })
    if (result.doc) personIds[key] = result.doc.id
    if (result.created) created++
  }
  logCreated({ count: created, log, what: 'governance contacts' })
  return { orgIds, personIds }
}

const known = (ids: Record<Key, Id>, keys: Key[]): number[] => keys.flatMap((key) => (ids[key] === undefined ? [] : [ids[key] as number]))

/**
 * The groups, meetings, actions and recommendations from the documents. Each is found (groups by name,
 * meetings by group and day, actions by meeting and wording, recommendations by review and number) or created,
 * and never changed afterwards, so the secretaries' and editors' work survives every start.
 */
export const ensureGovernance = async ({ library = {}, log, organisations, payload, people }: LinkingSeedArgs) => {
  const { orgIds, personIds } = await ensureContacts({ log, organisations, payload, people })
  const groupIds: Record<string, Id> = {}
  let created = 0
  for (const seed of GROUPS) {
    const result = await findOrCreate({
      create: () =>
        payload.create({
          collection: 'groups',
          data: {
            chairs: known(personIds, seed.chairs),
            members: seed.members.flatMap((member) =>
              personIds[member.person] === undefined
                ? []
                : [
                    {
                      organisation: member.organisation ? (orgIds[member.organisation] as number) : undefined,
                      person: personIds[member.person] as number,
                      role: member.role,
                    },
                  ],
            ),
            name: seed.name,
            parent: seed.parent ? (groupIds[seed.parent] as number) : undefined,
            purpose: seed.purpose,
            visibility: 'public',
          } as never,
        }),
      find: () => byName({ collection: 'groups', name: seed.name, payload }),
      log,
      what: `group "${seed.name}"`,
    })
    if (result.doc) groupIds[seed.name] = result.doc.id
    if (result.created) created++
  }
  const meetingIds: Record<string, Id> = {}
  for (const seed of MEETINGS) {
    const group = groupIds[seed.group]
    if (group === undefined) continue
    const result = await findOrCreate({
      create: () =>
        payload.create({
          collection: 'meetings',
          data: {
            agendaItems: seed.agendaItems,
            allDay: true,
            attendance: known(personIds, seed.attendance).map((person) => ({ attendance: 'present', person })),
            confirmsMinutesOf: seed.confirms ? (meetingIds[`${seed.group}:${seed.confirms}`] as number) : undefined,
            dateNote: seed.dateNote,
            format: 'in-person',
            group: group as number,
            minutesStatus: seed.minutesStatus,
            nextMeetingDate: seed.nextMeeting?.date,
            nextMeetingNote: seed.nextMeeting?.note,
            provisional: seed.provisional ?? false,
            // Midday UTC is the same calendar day in the UK all year.
            startsAt: `${seed.day}T12:00:00.000Z`,
            status: seed.status,
          } as never,
        }),
      find: async () =>
        (
          await payload.find({
            collection: 'meetings',
            depth: 0,
            limit: 1,
            where: { and: [{ group: { equals: group } }, { day: { equals: seed.day } }] },
          })
        ).docs[0],
      log,
      what: `meeting of ${seed.group} on ${seed.day}`,
    })
    if (result.doc) meetingIds[`${seed.group}:${seed.day}`] = result.doc.id
    if (result.created) created++
  }
  for (const seed of ACTIONS) {
    const meeting = meetingIds[`${REDESIGN}:${seed.day}`]
    const owner = orgIds[seed.owner]
    if (meeting === undefined || owner === undefined) continue
    const result = await findOrCreate({
      create: () =>
        payload.create({
          collection: 'actions',
          data: {
            agendaItem: seed.agendaItem,
            meeting: meeting as number,
            owner: { relationTo: 'organisations', value: owner as number },
            title: seed.title,
          } as never,
        }),
      find: async () =>
        (
          await payload.find({
            collection: 'actions',
            depth: 0,
            limit: 1,
            where: { and: [{ meeting: { equals: meeting } }, { title: { equals: seed.title } }] },
          })
        ).docs[0],
      log,
      what: 'an action of the redesign group',
    })
    if (result.created) created++
  }
  for (const seed of RECOMMENDATIONS) {
    const result = await findOrCreate({
      create: () =>
        payload.create({
          collection: 'recommendations',
          data: {
            audience: 'public',
            detail: seed.detail,
            number: seed.number,
            owners: known(orgIds, seed.owners ?? []),
            review: SERVICE_REVIEW,
            sourceDocument: library.serviceReview,
            status: 'not-started',
            subPoints: (seed.subPoints ?? []).map((text) => ({ text })),
            title: seed.title,
          },
        }),
      find: async () =>
        (
          await payload.find({
            collection: 'recommendations',
            depth: 0,
            limit: 1,
            where: { and: [{ review: { equals: SERVICE_REVIEW } }, { number: { equals: seed.number } }] },
          })
        ).docs[0],
      log,
      what: `recommendation ${seed.number}`,
    })
    if (result.created) created++
  }
  logCreated({ count: created, log, what: 'governance records (groups, meetings, actions, recommendations)' })
}
