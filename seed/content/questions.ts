import type { SeedArgs } from './shared'

import { parseWrittenQuestions } from '../../src/lib/parliament/written-questions'
import { createOrLog, logCreated } from './shared'

// Document 001, written as the Written Questions API would give it so it goes through the same parser as an
// import. The document gives no UIN or asking member (so both stay empty) and names the answering body by
// its current name. Its trailing "Reticulating Splines" line is page noise, not part of the answer.
export const DIABETES_CCG_SUPPORT_QUESTION = {
  results: [
    {
      value: {
        answerText:
          '<p>NHS England will work with health communities/clinical commissioning groups (CCGs) in need of improvement against ' +
          'CCG Improvement and Assessment Framework indicators to mutually identify the nature of the change needed and the type ' +
          'of support required to achieve this. A key focus of improvement will be to support CCGs and providers to locally map ' +
          'their services against nationally recognised best practice diabetes pathways and to identify where local pathways ' +
          'need to change in order to improve outcomes. NHS England is developing plans for additional support to be available ' +
          'from 2017/18 onwards:</p><ul>' +
          '<li>The NHS Operational Planning and Contracting Guidance 2017-2019 included an announcement that NHS England intends ' +
          'to launch a major programme of investment in the treatment and care of people with diabetes, for which CCGs will be ' +
          'able to bid for additional funding of approximately &pound;40 million per year, focused on the key areas of diabetes ' +
          'care where improvements in outcomes will be most beneficial.</li>' +
          '<li>A Diabetes CCG Improvement and Assessment Framework Independent Panel has been developed, chaired by the Chief ' +
          'Executive of Diabetes UK and includes panel members with a wide range of other diabetes clinical expertise. This will ' +
          'consider CCG positions in relation to the diabetes Improvement and Assessment Framework indicators and advise on ' +
          'actions to support improvement.</li>' +
          '<li>Sustainability and Transformation Plans (STPs). As part of supporting the development of STPs, a &ldquo;How ' +
          'to&rdquo; guide for diabetes has been issued which sets out advice the actions which CCGs can take to support ' +
          'improvements.</li>' +
          '<li>NHS England regional teams: NHS England has funded diabetes programme leads within each of the National Health ' +
          'Service regions to work with CCGs to support improvement.</li></ul>',
        answeringBodyName: 'Department of Health and Social Care',
        askingMember: null,
        dateAnswered: '2016-11-28T00:00:00',
        dateTabled: '2016-11-21T00:00:00',
        heading: 'Diabetes',
        questionText:
          'To ask the Secretary of State for Health, what steps his Department is taking to support clinical commissioning groups ' +
          'that need improvement or have the greatest need for improvement for diabetes care under the Clinical Commissioning ' +
          'Group Improvement and Assessment Framework.',
        uin: null,
      },
    },
  ],
}

// Without a UIN the heading alone ("Diabetes") is too general for an address, so the date asked is added.
const slugFor = ({ dateAsked, heading }: { dateAsked: string; heading: string }) => `${heading.toLowerCase()}-${dateAsked}`

/** The written question from the documents, found by its slug or exact question text, or created. */
export const ensureQuestions = async ({ log, payload }: SeedArgs): Promise<void> => {
  const { problems, questions } = parseWrittenQuestions({ json: DIABETES_CCG_SUPPORT_QUESTION })
  for (const problem of problems) log(`Seed: written question not imported: ${problem.message}`)
  let created = 0
  for (const question of questions) {
    const slug = slugFor(question)
    const existing = await payload.count({
      collection: 'parliamentary-questions',
      where: {
        or: [
          { slug: { equals: slug } },
          ...(question.uin ? [{ uin: { equals: question.uin } }] : []),
          { question: { equals: question.question } },
        ],
      },
    })
    if (existing.totalDocs > 0) continue
    const doc = await createOrLog({
      create: () => payload.create({ collection: 'parliamentary-questions', data: { ...question, _status: 'published', slug } }),
      log,
      what: `parliamentary question "${question.heading}" (${question.dateAsked})`,
    })
    if (doc) created++
  }
  logCreated({ count: created, log, what: 'parliamentary questions' })
}
