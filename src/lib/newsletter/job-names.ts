/** Names the job runner and the endpoints share; a module of its own so that importing it loads nothing else. */
export const NEWSLETTER_QUEUE = 'newsletter'
export const SEND_NEWSLETTERS_TASK = 'sendNewsletters'
