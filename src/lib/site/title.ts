import { headers } from 'next/headers'

import { formWithoutErrorsInScope } from '../db/availability'

/** The NHS.UK error pattern's page title: "Error: " first while the page shows errors. */
export const errorTitle = ({ errors, title }: { errors: boolean; title: string }): string => (errors ? `Error: ${title}` : title)

/**
 * Whether this render answers a form post: a server action's form sent without JavaScript. Its action redirects
 * when the form is accepted, so a page rendered for the post is the form sent back with errors, unless the
 * action said otherwise (markFormWithoutErrors). The action's state is not visible to page metadata; the
 * request's form body type is.
 */
export const answersFormPost = async (): Promise<boolean> => {
  if (formWithoutErrorsInScope()) return false
  const type = (await headers()).get('content-type') ?? ''
  return type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')
}
