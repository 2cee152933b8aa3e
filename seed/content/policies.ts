import type { RichText } from '../../src/lib/richtext/build'
import type { PolicyKind } from '../../src/lib/policies/kinds'
import type { SeedArgs } from './shared'

import { RESET_LINK_MINUTES, RESET_REQUEST_LIMITS } from '../../src/lib/auth/password-reset'
import { SESSION_SECONDS, SIGN_IN_LIMITS } from '../../src/lib/auth/sign-in'
import { FORM_LIMIT_SECONDS } from '../../src/lib/http/submission-limits'
import { UNCONFIRMED_RETENTION_DAYS } from '../../src/lib/newsletter/retention'
import { TOKEN_LIFETIME_SECONDS } from '../../src/lib/newsletter/tokens'
import { DEFAULT_RETENTION_MONTHS } from '../../src/lib/questions/retention'
import { ACCESSIBILITY, ASK, CONTACT, COOKIES, NEWSLETTER, PRIVACY } from '../../src/lib/routes'
import { bulletList, heading, link, paragraph, richText } from '../../src/lib/richtext/build'
import { formatDate } from '../../src/lib/site/format'
import { DEFAULT_RESPONSE_TARGET_DAYS } from '../../src/lib/sla/target'
import { createOrLog, logCreated, ukToday } from './shared'

/** Who runs the hub, as the documents it was built from name the network. */
export const NETWORK_NAME = 'Greater Manchester and Eastern Cheshire Strategic Clinical Network'

const DAY_SECONDS = 24 * 60 * 60

/** "12 months", "1 hour": the periods the pages state, written from the constants the code uses. */
const plural = ({ count, unit }: { count: number; unit: string }) => `${count} ${unit}${count === 1 ? '' : 's'}`
const hours = (seconds: number) => plural({ count: seconds / 3600, unit: 'hour' })
const minutes = (seconds: number) => plural({ count: seconds / 60, unit: 'minute' })
const days = (seconds: number) => plural({ count: seconds / DAY_SECONDS, unit: 'day' })

/** The longest window any rate limit keeps a count for: what the privacy notice promises as an upper bound. */
const LONGEST_LIMIT_SECONDS = Math.max(
  FORM_LIMIT_SECONDS,
  SIGN_IN_LIMITS.perAddress.durationSeconds,
  SIGN_IN_LIMITS.perAccountAndAddress.durationSeconds,
  RESET_REQUEST_LIMITS.perClientAddress.durationSeconds,
  RESET_REQUEST_LIMITS.perEmail.durationSeconds,
)

/** What the seeded pages depend on that an administrator can change: read from the site settings when seeding. */
export type PolicyFacts = {
  /** Whether this hub runs the question desk ("Ask a question"); without it, the pages do not mention the form. */
  askForm: boolean
  newsletter: boolean
  questionRetentionMonths: number
  responseTargetDays: number
  siteName: string
}

type PolicySeed = { body: (facts: PolicyFacts) => RichText; kind: PolicyKind; summary: string; title: string }

const h2 = (text: string) => heading({ level: 'h2', text })
const p = (text: Parameters<typeof paragraph>[0]['text']) => paragraph({ text })

/** How to reach the network, in the words of the page that needs it. */
const howToContact = ({ askForm }: PolicyFacts) =>
  askForm
    ? [
        'use our ',
        link({ text: 'Ask a question form', url: ASK }),
        ' and say what your request is about. See also ',
        link({ text: 'Contact us', url: CONTACT }),
        '.',
      ]
    : ['see ', link({ text: 'Contact us', url: CONTACT }), ' for how to reach the network team.']

export const privacyBody = (facts: PolicyFacts): RichText =>
  richText({
    children: [
      p(
        `This notice explains what information ${facts.siteName} collects, why, how long it is kept, who can see it and ` +
          `how to ask for it to be erased. The hub is run by the ${NETWORK_NAME} ("the network", "we").`,
      ),
      h2('What we collect and why'),
      ...(facts.askForm
        ? [
            heading({ level: 'h3', text: 'Ask a question' }),
            p(
              'When you send a question we keep your full name, email address and question, and, if you give them, your job ' +
                'title, organisation and UK telephone number. We also note the page you asked from, when the question arrived ' +
                'and how the question desk dealt with it. We use this to answer you, to keep to our response target and to ' +
                'report how well the desk is doing. The figures keep only dates, status and care area, never who asked.' +
                (facts.newsletter
                  ? ' If you tick "Send me the network newsletter", we also start a newsletter sign-up for your email address (see below).'
                  : ''),
            ),
          ]
        : []),
      ...(facts.newsletter
        ? [
            heading({ level: 'h3', text: 'Newsletter' }),
            p(
              'When you sign up we keep your email address, the topics you chose and the page you signed up on. Nothing is ' +
                'sent until you confirm by the link we email you. Each change (sign-up, confirmation, new topics, unsubscribing) ' +
                'is recorded with its time and the version of the words you agreed to, so we can show what you asked for. For ' +
                'each newsletter we record whether it was sent to you, and whether your mail server refused it. We send the ' +
                'newsletter only with your consent, which you can withdraw at any time with the unsubscribe link in every email.',
            ),
          ]
        : []),
      heading({ level: 'h3', text: 'Page feedback' }),
      p(
        'The "Was this page useful?" form records your answer, any comment you type and the page it is about. It does not ' +
          'ask who you are: please do not put personal details in a comment. We use the answers to improve the pages.',
      ),
      heading({ level: 'h3', text: 'Signing in' }),
      p([
        'Health and care professionals and network staff who have an account sign in with their work email address and a ' +
          'password (stored only as a one-way hash). Signing in sets one cookie, described on our ',
        link({ text: 'cookies page', url: COOKIES }),
        '. We use no analytics or advertising cookies and no trackers.',
      ]),
      heading({ level: 'h3', text: 'Technical information' }),
      p(
        'To stop floods of automated submissions, the hub counts recent form posts and sign-in attempts per connection ' +
          '(IP address) and per email address. The counts are stored as keyed hashes, never as the addresses themselves, and ' +
          `each lapses within ${hours(LONGEST_LIMIT_SECONDS)}. The server's logs record the address of each page asked for, its ` +
          'result and timing, but not your IP address, your browser or anything you typed.',
      ),
      h2('How long we keep it'),
      bulletList({
        items: [
          ...(facts.askForm
            ? [
                `Questions: your name, contact details, question and our answer are erased ${plural({ count: facts.questionRetentionMonths, unit: 'month' })} ` +
                  'after the question is closed. The dates, status and care area stay, for the figures.',
              ]
            : []),
          ...(facts.newsletter
            ? [
                `Newsletter sign-ups nobody confirmed are erased after ${plural({ count: UNCONFIRMED_RETENTION_DAYS, unit: 'day' })}; the ` +
                  `confirmation link itself stops working after ${days(TOKEN_LIFETIME_SECONDS.confirm)}.`,
                'Newsletter subscriptions are kept while you are subscribed. After you unsubscribe we keep your address and its ' +
                  'consent record, to show when you left and so that nothing more is sent, until you ask us to erase it.',
              ]
            : []),
          'Page feedback is kept while it helps us improve the pages; it holds nothing that says who you are.',
          `Sign-in sessions end when you sign out, or ${hours(SESSION_SECONDS)} after you signed in. A password reset link ` +
            `works once, for ${minutes(RESET_LINK_MINUTES * 60)}.`,
          'Backups of the hub hold the same information and are kept securely by the team that runs the hub. Something erased ' +
            'from the hub can remain in an older backup until that backup is deleted.',
        ],
      }),
      h2('Who can see it'),
      bulletList({
        items: [
          ...(facts.askForm
            ? [
                'Questions: your name, email address, telephone number, job title and organisation are seen only by the network ' +
                  "staff who answer questions and by the hub's administrators. Editors and clinical reviewers can read questions " +
                  '(to write guidance and reports) but not who asked them.',
              ]
            : []),
          ...(facts.newsletter
            ? [
                "Newsletter: subscribers' addresses are seen only by the hub's administrators and the editors they have put in " +
                  'charge of the newsletter.',
              ]
            : []),
          "Page feedback: the network's editors, clinical reviewers and administrators.",
          "Accounts: administrators see every account; other network staff see staff colleagues' names, roles and work email " +
            'addresses, so they can assign work to each other. A professional’s email address is seen only by administrators.',
          'The emails we send you are sent through the email service the network uses, which delivers them on our behalf.',
          'We do not sell or share your information with anyone else, unless the law requires it.',
        ],
      }),
      h2('Your rights'),
      p('You can ask for a copy of the information we hold about you, ask us to correct it, or ask us to erase it.'),
      ...(facts.askForm ? [p('When we erase your details we remove them from every question asked from your email address.')] : []),
      ...(facts.newsletter
        ? [
            p(
              'Erasing your newsletter subscription deletes it; the record of which issues were sent stays, without your ' +
                'address. You can unsubscribe from the newsletter at any time with the link in every email, without asking us.',
            ),
          ]
        : []),
      p(['To make a request: ', ...howToContact(facts)]),
      p([
        'If you are unhappy with how we have used your information, you can complain to the ',
        link({ text: "Information Commissioner's Office (ICO)", url: 'https://ico.org.uk/make-a-complaint/' }),
        '.',
      ]),
    ],
  })

export const accessibilityBody = (facts: PolicyFacts): RichText =>
  richText({
    children: [
      p(
        `This accessibility statement applies to ${facts.siteName}, the public website of the ${NETWORK_NAME}, and to its ` +
          'staff area (the admin).',
      ),
      p(
        'We want as many people as possible to be able to use this website. For example, you should be able to change ' +
          'colours, contrast levels and fonts, zoom in up to 400% without the text spilling off the screen, navigate the ' +
          'whole website using just a keyboard or speech recognition software, and listen to it using a screen reader. The ' +
          'pages and forms work without JavaScript.',
      ),
      h2('How accessible this website is'),
      p('We know some parts of this website are not fully accessible:'),
      bulletList({
        items: [
          'some documents in the library are PDF or Office files from partner organisations, which may not be fully ' +
            'accessible to screen reader software',
          'in the staff area, some controls of the content editor are not fully accessible (listed below)',
        ],
      }),
      h2('Feedback and contact information'),
      p([
        'If you need information on this website in a different format, or find a problem not listed on this page, ',
        ...howToContact(facts),
      ]),
      p(`We aim to reply within ${plural({ count: facts.responseTargetDays, unit: 'working day' })}.`),
      h2('Enforcement procedure'),
      p(
        'The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and ' +
          'Mobile Applications) (No. 2) Accessibility Regulations 2018 (the "accessibility regulations"). If you are not ' +
          'happy with how we respond to your complaint, contact the ',
      ),
      p([link({ text: 'Equality Advisory and Support Service (EASS)', url: 'https://www.equalityadvisoryservice.com/' }), '.']),
      h2('Technical information about this website’s accessibility'),
      p(
        'The network is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites ' +
          'and Mobile Applications) (No. 2) Accessibility Regulations 2018.',
      ),
      heading({ level: 'h3', text: 'Compliance status' }),
      p(
        'This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to ' +
          'the non-compliances listed below.',
      ),
      h2('Non-accessible content'),
      heading({ level: 'h3', text: 'Non-compliance with the accessibility regulations' }),
      p('These problems are in the staff area only, in parts of the content management system the hub is built on:'),
      bulletList({
        items: [
          'the menu of further actions on a record is a button without an accessible name, and holds nested controls ' +
            '(WCAG 4.1.2 Name, Role, Value)',
          'drop-down choices in select and relationship fields are not fully labelled, and hidden parts of them can take ' +
            'focus (WCAG 1.3.1 Info and Relationships, 4.1.2 Name, Role, Value)',
          'the rich-text editing area has no accessible name (WCAG 4.1.2 Name, Role, Value)',
          'the tabs of a record are not marked up as a list (WCAG 1.3.1 Info and Relationships)',
        ],
      }),
      p('We report these to the makers of the system and check each new version; we will update this statement as they are fixed.'),
      heading({ level: 'h3', text: 'Content that’s not within the scope of the accessibility regulations' }),
      p(
        'PDFs and other documents published before 23 September 2018 that are not essential to providing our services, such ' +
          'as older strategy documents and service reviews in the library, do not need to be fixed. Where we publish new ' +
          'documents we aim to make them accessible, or to give the same information in an accessible page.',
      ),
      h2('How we tested this website'),
      p(
        'Every kind of public page (home, care areas, guidance, updates, documents, search, the forms and these pages) is ' +
          'tested automatically with the axe accessibility checker against WCAG 2.2 AA whenever the hub is changed, the header ' +
          'and these pages at phone as well as desktop width. Moving through the pages, the header menu and search are also ' +
          'checked with a keyboard alone. The public pages pass these checks. ' +
          'The staff area was tested the same way; its known problems are listed above.',
      ),
      h2('Preparation of this accessibility statement'),
      p(
        `This statement was prepared on ${formatDate(ukToday())}. The website was last tested on ${formatDate(ukToday())}. ` +
          'The date this statement was last reviewed is shown at the foot of the page.',
      ),
    ],
  })

export const cookiesBody = (facts: PolicyFacts): RichText =>
  richText({
    children: [
      p(
        `${facts.siteName} puts no cookies on your device while you read it. We do not use analytics, advertising or ` +
          'social media cookies, or any other way of tracking you, so there is nothing to accept or reject.',
      ),
      h2('The one cookie we set'),
      p(
        'When you sign in (health and care professionals and network staff only), we set one cookie that keeps you signed ' +
          'in. It is essential for the service you asked for, so it does not need your consent.',
      ),
      bulletList({
        items: [
          `Name: payload-token. Purpose: keeps you signed in. Expires: when you sign out, or ${hours(SESSION_SECONDS)} after you ` +
            'signed in. It cannot be read by scripts on the page and is not sent to other websites.',
        ],
      }),
      p(
        'Staff using the admin who choose a light or dark colour theme also get a payload-theme cookie that remembers the ' +
          'choice for a year. Nobody else gets it.',
      ),
      ...(facts.newsletter
        ? [
            h2('Links in our emails'),
            p(
              'Confirmation, preference and unsubscribe links in newsletter emails carry a code in the address itself, not a ' +
                'cookie, and the one-click unsubscribe works without any cookie.',
            ),
          ]
        : []),
      p(['For how we use your information, see our ', link({ text: 'privacy notice', url: PRIVACY }), '.']),
    ],
  })

export const contactBody = (facts: PolicyFacts): RichText =>
  richText({
    children: [
      p(`${facts.siteName} is run by the ${NETWORK_NAME}.`),
      ...(facts.askForm
        ? [
            h2('Questions about diabetes services'),
            p([
              'Use our ',
              link({ text: 'Ask a question form', url: ASK }),
              `. The network's question desk aims to reply within ${plural({ count: facts.responseTargetDays, unit: 'working day' })}.`,
            ]),
          ]
        : []),
      h2('Medical help'),
      p(
        'The network team does not and cannot give medical advice. If you need medical help, contact your GP, call NHS 111, ' +
          'or in an emergency call 999.',
      ),
      h2('Problems with this website'),
      ...(facts.askForm
        ? [
            p([
              'To report an accessibility problem or anything else wrong with the website, use the ',
              link({ text: 'Ask a question form', url: ASK }),
              ' and say which page it is on and what went wrong.',
            ]),
          ]
        : []),
      p(['Our ', link({ text: 'accessibility statement', url: ACCESSIBILITY }), ' says what we know is not yet accessible.']),
      h2('Your information'),
      p(['To ask for a copy of your information, or for it to be erased, see our ', link({ text: 'privacy notice', url: PRIVACY }), '.']),
      ...(facts.newsletter
        ? [
            h2('The newsletter'),
            p([
              'Sign up on the ',
              link({ text: 'newsletter page', url: NEWSLETTER }),
              '. To change your topics or unsubscribe, use the links in any newsletter email.',
            ]),
          ]
        : []),
    ],
  })

export const POLICY_SEEDS: PolicySeed[] = [
  {
    body: privacyBody,
    kind: 'privacy',
    summary: 'What information this hub collects, why, how long it is kept, who can see it and how to ask for it to be erased.',
    title: 'Privacy notice',
  },
  {
    body: accessibilityBody,
    kind: 'accessibility',
    summary: 'How accessible this website is, what we know is not yet accessible, and how to report a problem.',
    title: 'Accessibility statement',
  },
  {
    body: cookiesBody,
    kind: 'cookies',
    summary: 'The only cookie this website sets keeps you signed in. There are no analytics or advertising cookies.',
    title: 'Cookies',
  },
  {
    body: contactBody,
    kind: 'contact',
    summary: 'How to contact the network team, report a problem with the website or ask about your information.',
    title: 'Contact us',
  },
]

/** The facts the pages are written from: the site settings in force and the capabilities this hub runs. */
export const policyFacts = async ({ payload }: Pick<SeedArgs, 'payload'>): Promise<PolicyFacts> => {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  return {
    askForm: 'questions' in payload.collections,
    newsletter: 'subscribers' in payload.collections,
    questionRetentionMonths: settings.questionRetentionMonths ?? DEFAULT_RETENTION_MONTHS,
    responseTargetDays: settings.questionResponseTargetDays ?? DEFAULT_RESPONSE_TARGET_DAYS,
    siteName: settings.siteName,
  }
}

/** The four pages, published, each made once: a kind that exists (draft or published) is the editors'. */
export const ensurePolicies = async ({ log, payload }: SeedArgs): Promise<void> => {
  const facts = await policyFacts({ payload })
  let created = 0
  for (const { body, kind, summary, title } of POLICY_SEEDS) {
    const existing = await payload.count({ collection: 'policies', where: { kind: { equals: kind } } })
    if (existing.totalDocs > 0) continue
    const doc = await createOrLog({
      create: () =>
        payload.create({
          collection: 'policies',
          data: { _status: 'published', body: body(facts), kind, lastReviewed: ukToday(), summary, title },
        }),
      log,
      what: `policy page "${title}"`,
    })
    if (doc) created++
  }
  logCreated({ count: created, log, what: 'policy pages' })
}
