import type { RichText } from '../../src/lib/richtext/build'
import type { Update } from '../../src/payload-types'
import type { Organisations, PersonKey } from './contacts'
import type { DocumentKey } from './documents'
import type { LinkingSeedArgs } from './steps'

import { bulletList, heading, paragraph, richText } from '../../src/lib/richtext/build'
import { createOrLog, logCreated } from './shared'

type UpdateSeed = Omit<
  Update,
  'attachments' | 'body' | 'contacts' | 'consultation' | 'createdAt' | 'fromOrganisation' | 'id' | 'updatedAt'
> & {
  attachments?: DocumentKey[]
  body: () => RichText
  consultation?: Omit<NonNullable<Update['consultation']>, 'feedbackTo'> & { feedbackTo?: PersonKey }
  contacts: PersonKey[]
  fromOrganisation?: keyof Organisations
}

// Document 000. The email addresses in the letter were obfuscated in the copy supplied, so people are named
// without them, and the "click here" link (whose address was not supplied) is described in words.
const STRATEGY_LETTER: UpdateSeed = {
  title: 'Draft GM Diabetes Strategy: request for input from VCSE groups',
  slug: 'draft-gm-diabetes-strategy-request-for-input-from-vcse-groups',
  // An estimate: the letter is undated. It asks for feedback by 31 January 2018, says the SCN will make
  // further contact "in the New Year" and refers to work "throughout 2017", so mid-December 2017.
  date: '2017-12-15',
  from: 'Naresh Kanumilli, SCN Clinical Lead for Diabetes',
  fromOrganisation: 'scn',
  summary:
    'Naresh Kanumilli, Clinical Lead for Diabetes at the Greater Manchester and Eastern Cheshire Strategic Clinical Network, ' +
    'asks voluntary, community and social enterprise (VCSE) groups for input on the draft GM Diabetes Strategy and its draft ' +
    'service specification.',
  contacts: ['nareshKanumilli', 'ewanJones', 'kristaWilliams', 'angelaDevine'],
  // "The resulting strategy, which is now attached", and the draft service specification.
  attachments: ['gmStrategy', 'serviceSpecification'],
  isConsultation: true,
  consultation: {
    feedbackDeadline: '2018-01-31',
    feedbackInstructions:
      'Send any comments or feedback on the draft GM Diabetes Strategy to Ewan Jones by 31 January 2018. Send queries about ' +
      'the draft service specification to Krista Williams at the SCN by the same date. Please copy Angela Devine into any ' +
      'emails you forward about the strategy.',
    feedbackTo: 'ewanJones',
  },
  body: () =>
    richText({
      children: [
        paragraph({ text: 'Dear Colleagues' }),
        paragraph({
          text:
            'I am writing to update you on some important work in relation to diabetes care in Greater Manchester and to seek ' +
            'your help in socialising a GM-wide strategy.',
        }),
        paragraph({
          text:
            'We all know that we need to improve diabetes care and reduce unwarranted variation. The Strategic Clinical Network ' +
            '(SCN) works to support the health and social care system in GM to improve care quality and patient outcomes in this ' +
            'regard across a range of health systems. With these points in mind, Jon Rouse, Chief Officer at the Greater ' +
            'Manchester (GM) Health & Social Care Partnership tasked the SCN with developing a Diabetes Strategy for GM.',
        }),
        paragraph({
          text:
            'The SCN worked with a network of providers, commissioners, patient representatives and third-sector stakeholders ' +
            '(details available on request) throughout 2017 to devise and consult on the resulting strategy, which is now ' +
            'attached. It aims to articulate ‘what good diabetes care would look like in GM’.',
        }),
        paragraph({
          text:
            'Localities already have budgets and transformation funding in place within which they need to take forward diabetes ' +
            'improvement work. The GM Diabetes Strategy and additional resources are designed to support this work and provide a ' +
            'mechanism to help localities develop consistent high quality care across GM.',
        }),
        paragraph({
          text:
            'We believe the strategy presents a valuable opportunity for localities to evaluate their current approaches to ' +
            'diabetes in this context and, to support them in this regard, the SCN have developed a draft service specification. ' +
            'This can be used to benchmark locally commissioned services, identify gaps and develop improvement plans where required.',
        }),
        paragraph({
          text:
            'Moving forward, the SCN will develop plans from 2018 to support the diabetes care system in using these resources to ' +
            'deliver quality improvement. It will continue to host a Diabetes Network and governance structure which will provide ' +
            'a forum for considering variation identified in the system and opportunities for joint working to reduce or eradicate ' +
            'it where possible. We will make further contact regarding this in the New Year. We would welcome your involvement and ' +
            'support in socialising this strategy.',
        }),
        paragraph({
          text:
            'The relevant documents relating to the GM Diabetes Strategy and Service Specification are located on the GMCVO ' +
            'website for ease of reference.',
        }),
        paragraph({
          text: [
            'If you have any specific comments or feedback on the GM Diabetes Strategy, please forward these to Ewan Jones ',
            { bold: true, text: 'by 31 January 2018' },
            '. If you have queries relating to the draft Service Specification, please contact Krista Williams at the SCN by the ' +
              'same date. We would be grateful if you would disseminate the attached documents throughout your networks prior to ' +
              'the development of our diabetes support programme in the early 2018. It would be helpful if you could cc Angela ' +
              'Devine in to any forwarded emails.',
          ],
        }),
        paragraph({ text: 'Thank you and best regards.' }),
        paragraph({ text: [{ bold: true, text: 'Naresh Kanumilli' }] }),
        paragraph({ text: 'SCN Clinical Lead for Diabetes' }),
      ],
    }),
}

// Document 003, dated by its own heading (Thursday 15/11/07). Typos fixed where unambiguous ("Coiin",
// "sytem", "Principals", "no" for number). The four leads and their PBC groups were two columns that
// lost their alignment in the copy supplied, so names and groups are listed without pairing them.
const REDESIGN_UPDATE: UpdateSeed = {
  title: 'West Herts Diabetes Service Redesign Group: update for the Clinical Conclave',
  slug: 'west-herts-diabetes-service-redesign-update-november-2007',
  date: '2007-11-15',
  from: 'Colin Johnston, Mike Walton, Moira McGrath',
  summary:
    'Update for the West Herts Clinical Conclave on Thursday 15 November 2007: the Diabetes Service Redesign Group, the PBC ' +
    'consortium for commissioning diabetes care across West Herts, and the review of the Type 2 diabetes pathway.',
  contacts: ['colinJohnston', 'mikeWalton', 'moiraMcGrath'],
  isConsultation: false,
  body: () =>
    richText({
      children: [
        heading({ level: 'h2', text: 'Diabetes Service Redesign' }),
        paragraph({
          text:
            'As part of "Investing in Your Health" the Diabetes Service Redesign Group was structured by WHHT together with the ' +
            "old PCTs' provider services. Under Sue Whiterod from WHHT Leadership Department, the group successfully bid for " +
            'workforce redesign resources and has been focussing on pathway development and plans for developing the local ' +
            'workforce. This work is being developed into an education and development proposal across Herts for all providers ' +
            'of diabetes care and extending into patient education. The Workforce Project Group is seeking additional support ' +
            'from commercial, voluntary and academic organisations through sponsorship and support in kind to expand the ' +
            'resources available. This Collaborative Framework will be underpinned by a clear set of Guidance Principles to ' +
            'ensure the agenda of education and development is driven solely by the Workforce Group. This Workforce project ' +
            'group is meeting on 5/12/07.',
        }),
        paragraph({
          text:
            'For the last two meetings (12/9/07 and 7/11/07) the West Herts Diabetes Service Redesign Group has included the four ' +
            'PBC (Practice Based Commissioning) group diabetes leads:',
        }),
        bulletList({ items: ['Dr Elizabeth Ponsonby', 'Dr Marie Anne Essam', 'Dr Mike Walton', 'Dr Sally Trevor'] }),
        paragraph({ text: 'The leads represent the DAC-COM, WAT-COM, STAHCOM and Hertsmere PBC groups.' }),
        paragraph({
          text: 'The WH Diabetes Service Redesign Group is co-chaired by Dr Colin Johnston, Consultant Endocrinologist WHHT and Dr Mike Walton.',
        }),
        heading({ level: 'h2', text: 'A PBC consortium for commissioning diabetes care' }),
        paragraph({
          text:
            'The STAHCOM, DAC-COM and WAT-COM Leads have formed a close alliance and are developing a PBC Consortium for ' +
            'Commissioning of Diabetes care across West Herts. We are keen to work with Hertsmere in this venture – but realise ' +
            'that the historic referral to secondary care diabetes services from Hertsmere is largely out with WHHT. We hope that ' +
            'the model of a PBC Consortium for the commissioning of diabetes care will prove valuable and may lead to ' +
            'consideration of similar PBC Commissioning Consortia within West Hertfordshire for other chronic disease areas.',
        }),
        heading({ level: 'h2', text: 'Meeting on 7 November' }),
        paragraph({
          text:
            'At its meeting on 7 November, the redesign group reviewed the work to date on the Type 2 diabetes pathway and ' +
            'discussed current commissioning and contracting arrangements. The group agreed that the vast majority of patients ' +
            'with Type 2 diabetes should be managed within primary care and that specialist services should support and advise ' +
            'practices to provide this care. This support was likely to be needed in an increasing number of patients at the ' +
            'time of diagnosis and for many with sub-optimal control. The group noted that the current contracting arrangements ' +
            "with WHHT through the national tariff only fund consultants and nurses for 'face to face' contacts with patients " +
            'and we need a system which provides much easier, rapid access without increased cost. There was also a recognition ' +
            'that current provision for dietetics, education and community specialist nurses was inadequate and progress cannot ' +
            'be made until this is resolved. Funding cannot come from current secondary care provision.',
        }),
        paragraph({
          text:
            'There is also recognition that the New-to-Follow-Up ratio as specified by EoE Region poses particular challenges in ' +
            'diabetes as the chronicity and complexity of the condition does not allow it to be managed within such a ' +
            'constrained Service Level Agreement. This needs resolution with an interim plan for 2007/8 and a definitive plan ' +
            'for 08/9.',
        }),
        paragraph({
          text:
            'We agreed that we should aim to make changes to services during the next financial year and that commissioners ' +
            'needed to set a timetable for the group to achieve this. The PBC Diabetes Consortium, working closely with the PCT ' +
            'and provider services, will agree the best commissioning/procurement approach to achieve the pathway. This could ' +
            'range from adapting existing contracts with WHHT and PCT provider services through to a full tender for services ' +
            'from alternate providers.',
        }),
        heading({ level: 'h2', text: 'Next meeting' }),
        paragraph({
          text:
            'The redesign group is meeting mid December to complete the review on type 2 and review the Type 1 diabetes and foot ' +
            'care pathways.',
        }),
      ],
    }),
}

export const UPDATES = [STRATEGY_LETTER, REDESIGN_UPDATE]

/** The network updates from the documents, found by slug or created; an existing update is never changed. */
export const ensureUpdates = async ({ library = {}, log, organisations, payload, people }: LinkingSeedArgs) => {
  let created = 0
  for (const { attachments = [], body, consultation, contacts, fromOrganisation, ...seed } of UPDATES) {
    const existing = await payload.count({ collection: 'updates', where: { slug: { equals: seed.slug } } })
    if (existing.totalDocs > 0) continue
    const doc = await createOrLog({
      create: () =>
        payload.create({
          collection: 'updates',
          data: {
            ...seed,
            _status: 'published',
            attachments: attachments.flatMap((key) => (library[key] === undefined ? [] : [library[key]])),
            body: body(),
            consultation: consultation && {
              ...consultation,
              feedbackTo: consultation.feedbackTo ? people[consultation.feedbackTo] : undefined,
            },
            contacts: contacts.flatMap((key) => (people[key] === undefined ? [] : [people[key]])),
            fromOrganisation: fromOrganisation ? organisations[fromOrganisation] : undefined,
          },
        }),
      log,
      what: `update "${seed.title}"`,
    })
    if (doc) created++
  }
  logCreated({ count: created, log, what: 'updates' })
}
