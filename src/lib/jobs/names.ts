/**
 * Queue names and task slugs, shared by the runner's config, the code that queues jobs and the worker. A leaf
 * module: it imports nothing, so naming a task never loads the task (or the domain behind it).
 */
export const DEFAULT_QUEUE = 'default'
export const NEWSLETTER_QUEUE = 'newsletter'

export const SEND_EMAIL_TASK = 'sendEmail'
export const DEADLINES_TASK = 'watchQuestionDeadlines'
export const ERASE_EXPIRED_QUESTIONS_TASK = 'eraseExpiredQuestions'
export const ACTION_REMINDERS_TASK = 'remindOverdueActions'
export const SEND_NEWSLETTERS_TASK = 'sendNewsletters'
export const QUESTION_OPT_IN_TASK = 'newsletterOptInFromQuestion'
export const ERASE_UNCONFIRMED_SUBSCRIBERS_TASK = 'eraseUnconfirmedSubscribers'
export const CHECK_LINKS_TASK = 'checkLinks'
