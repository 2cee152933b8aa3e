/**
 * Every public address the hub makes, in one place: the site's pages, search, the sitemap, feeds, emails and
 * reminders all build their links here, so a route changes in one file. Paths only (absolute addresses add
 * the site's origin: `absoluteUrl` in ../site/urls). A leaf module: it imports nothing.
 *
 * Slugs are stored already URL-safe (see the slug fields); ids and free text are encoded here.
 */

type Key = number | string

const encoded = (value: Key): string => encodeURIComponent(String(value))

const withQuery = (path: string, query: Record<string, Key | null | undefined>): string => {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query))
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value))
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

export const HOME = '/'
/** The care areas on the home page (the diabetes journey), the id its heading carries. */
export const CARE_AREAS_ANCHOR = 'care-areas'
export const HOME_CARE_AREAS = `${HOME}#${CARE_AREAS_ANCHOR}`

// Care areas and their guidance pages.
export const CARE_AREAS = '/care-areas'
export const careAreaPath = ({ slug }: { slug: string }): string => `${CARE_AREAS}/${slug}`
/** A guidance page: its care area, then the slugs from the top of the page tree down to the page itself. */
export const guidancePath = ({ careArea, slugs }: { careArea: string; slugs: string[] }): string =>
  [CARE_AREAS, careArea, ...slugs].join('/')

export const TEN_TOP_TIPS = '/commissioning/ten-top-tips'
export const tipPath = ({ slug }: { slug: string }): string => `${TEN_TOP_TIPS}#tip-${slug}`

// Network updates and consultations.
export const UPDATES = '/updates'
export const UPDATES_FEED = '/updates/feed.xml'
export const updatePath = ({ slug }: { slug: string }): string => `${UPDATES}/${slug}`
export const CONSULTATIONS = '/consultations'

export const PARLIAMENTARY_QUESTIONS = '/parliamentary-questions'
export const parliamentaryQuestionPath = ({ slug }: { slug: string }): string => `${PARLIAMENTARY_QUESTIONS}/${slug}`

// Published answers of the question desk, listed by care area.
export const QUESTIONS_AND_ANSWERS = '/questions-and-answers'
export const questionAndAnswerPath = ({ slug }: { slug: string }): string => `${QUESTIONS_AND_ANSWERS}/${slug}`
/** The published answers matching a question as it is typed ("Before you ask"). */
export const ANSWER_SUGGESTIONS_API = '/api/questions-and-answers/suggest'

// The document library: an entry's page (its file is served by the uploads API).
export const DOCUMENTS = '/documents'
export const documentPath = ({ id }: { id: Key }): string => `${DOCUMENTS}/${encoded(id)}`

// Governance: groups, their meetings (by day) and calendars; service-review recommendations.
export const GOVERNANCE = '/governance'
export const groupPath = ({ slug }: { slug: string }): string => `${GOVERNANCE}/${slug}`
export const groupCalendarPath = ({ slug }: { slug: string }): string => `${GOVERNANCE}/${slug}/meetings.ics`
/** `day` is the meeting's UK calendar day (YYYY-MM-DD), which every saved meeting has (set from its start). */
export const meetingPath = ({ day, group }: { day?: null | string; group: string }): string => `${GOVERNANCE}/${group}/meetings/${day}`
export const RECOMMENDATIONS = '/recommendations'
/** The id of a recommendation's row in the list (numbers repeat across reviews; ids do not). */
export const recommendationAnchor = ({ id }: { id: Key }): string => `recommendation-${id}`
export const recommendationPath = ({ id }: { id: Key }): string => `${RECOMMENDATIONS}#${recommendationAnchor({ id })}`

// The newsletter: sign-up and the pages its signed links open, and the archive of sent issues.
export const NEWSLETTER = '/newsletter'
export const NEWSLETTER_CHECK_EMAIL = '/newsletter/check-email'
export const NEWSLETTER_CONFIRM = '/newsletter/confirm'
export const NEWSLETTER_PREFERENCES = '/newsletter/preferences'
export const NEWSLETTER_UNSUBSCRIBE = '/newsletter/unsubscribe'
/** RFC 8058 one-click unsubscribe: posted by mail programs, so an API address rather than a page. */
export const ONE_CLICK_UNSUBSCRIBE = '/api/subscribers/unsubscribe'
/** The preferences endpoint the preferences page posts to (named in consent records as their source). */
export const SUBSCRIBER_PREFERENCES_API = '/api/subscribers/preferences'
export const signedLinkPath = ({ path, token }: { path: string; token: string }): string => withQuery(path, { token })
export const NEWSLETTERS = '/newsletters'
export const newsletterIssuePath = ({ slug }: { slug: string }): string => `${NEWSLETTERS}/${slug}`

// Search and "Ask a question".
export const SEARCH = '/search'
export const SEARCH_API = '/api/search'
/** The search page for a query (and filters): empty values are left out. */
export const searchPath = (query: Record<string, Key | null | undefined> | URLSearchParams = {}): string => {
  if (!(query instanceof URLSearchParams)) return withQuery(SEARCH, query)
  // Filters repeat (`type=a&type=b`): kept as given.
  const text = query.toString()
  return text ? `${SEARCH}?${text}` : SEARCH
}
export const ASK = '/ask'
/** The question form, opened from a page: the page's path comes back with the question. */
export const askFromPath = ({ from }: { from: string }): string => withQuery(ASK, { from })
export const askThankYouPath = ({ reference }: { reference: string }): string => withQuery(`${ASK}/thank-you`, { reference })

// Page feedback ("Was this page useful?").
export const FEEDBACK = '/feedback'

// Signing in to the site (professionals) and resetting a password.
export const LOGIN = '/login'
export const LOGIN_SESSION = '/login/session'
export const LOGOUT = '/logout'
export const FORGOT_PASSWORD = '/login/forgot'
export const FORGOT_PASSWORD_SEND = '/login/forgot/send'
export const FORGOT_PASSWORD_TOO_MANY = '/login/forgot/too-many'
export const RESET_PASSWORD = '/login/reset'
export const RESET_PASSWORD_SAVE = '/login/reset/save'
export const loginPath = (query: Record<string, Key | null | undefined> = {}): string => withQuery(LOGIN, query)
export const forgotPasswordPath = (query: Record<string, Key | null | undefined> = {}): string => withQuery(FORGOT_PASSWORD, query)
export const tooManyResetsPath = ({ retry }: { retry: number }): string => withQuery(FORGOT_PASSWORD_TOO_MANY, { retry })
export const resetPasswordPath = (query: { error?: string; token: string }): string => withQuery(RESET_PASSWORD, query)

// The pages a public-sector site must have (privacy notice, accessibility statement, cookies, contact), each at a fixed address.
export const PRIVACY = '/privacy'
export const ACCESSIBILITY = '/accessibility'
export const COOKIES = '/cookies'
export const CONTACT = '/contact'

export const SITEMAP = '/sitemap.xml'

// Staff previews: a document's latest draft, rendered as the public will see it once published.
export const PREVIEW = '/preview'
export const previewPath = ({ collection, id }: { collection: string; id: Key }): string =>
  `${PREVIEW}/${encoded(collection)}/${encoded(id)}`

// The hub's own machinery: the admin, the API, the design system's files, health checks.
export const ADMIN = '/admin'
/** A record in the admin, from inside the admin (its route prefix added by Payload's formatAdminURL). */
export const adminRecordRoute = ({ collection, id }: { collection: string; id: Key }): `/${string}` =>
  `/collections/${collection}/${encoded(id)}`
/** A record in the admin, from outside it (emails): the default admin route. */
export const adminRecordPath = ({ collection, id }: { collection: string; id: Key }): string =>
  `${ADMIN}${adminRecordRoute({ collection, id })}`
/** A guidance draft's sign-off view (rendered draft, changes, decision), inside the admin. */
export const signOffRoute = ({ id }: { id: Key }): `/${string}` => `/sign-off/${encoded(id)}`
export const SIGN_OFF_VIEW_ROUTE = '/sign-off/:id'
export const signOffPath = ({ id }: { id: Key }): string => `${ADMIN}${signOffRoute({ id })}`
export const API = '/api'
export const GRAPHQL_API = `${API}/graphql`
/** A step of a guidance page's clinical sign-off (see collections/pages/endpoints). */
export const signOffStepApi = ({ id, step }: { id: Key; step: 'approve' | 'request' | 'return' }): string =>
  `${API}/pages/${encoded(id)}/sign-off/${step}`
/** The clinical reviewers an editor may name, as staff read them (names only). */
export const CLINICAL_REVIEWERS_API = `${API}/users?where[roles][equals]=clinical-reviewer&depth=0&limit=100&sort=name&select[name]=true`
export const PARLIAMENT_IMPORT_API = `${API}/parliamentary-questions/import`
/** A responder proposes an answered question for publication (see collections/questions/endpoints). */
export const proposeAnswerApi = ({ id }: { id: Key }): string => `${API}/questions/${encoded(id)}/propose`
/** The care areas a published answer may be listed under, as staff read them (titles only, drafts included). */
export const CARE_AREA_CHOICES_API = `${API}/care-areas?depth=0&limit=100&sort=step&select[title]=true`
/** The question report as CSV, inside the API (its route prefix added by Payload's formatAdminURL). */
export const QUESTION_REPORT_CSV_ROUTE = '/questions/report.csv'
export const ASSETS = '/assets'
export const STYLESHEET = `${ASSETS}/nhsuk-frontend.min.css`
export const SCRIPT = `${ASSETS}/nhsuk-frontend.min.js`
/** The site's start-up module: marks the page as scripted and starts the design system's components. */
export const START_SCRIPT = `${ASSETS}/start.js`
export const NEXT_ASSETS = '/_next'
export const HEALTHZ = '/healthz'
/** The request header the server sets to the page's path, for the site's layout (Next gives layouts no pathname). */
export const SITE_PATH_HEADER = 'x-hub-site-path'
export const READYZ = '/readyz'
/** Bulk import of redirects from a CSV file. */
export const REDIRECTS_IMPORT_API = `${API}/redirects/import`
/** "Check links now": queues the external link check (administrators). */
export const LINK_CHECKS_RUN_API = `${API}/link-checks/run`
