'use server'

import config from '@payload-config'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { CURRENT_WORDING } from '@/lib/newsletter/consent'
import { confirmSubscription, unsubscribe, updatePreferences } from '@/lib/newsletter/subscription-lifecycle'
import { NEWSLETTER_CONFIRM, NEWSLETTER_PREFERENCES, NEWSLETTER_UNSUBSCRIBE, signedLinkPath } from '@/lib/routes'

/**
 * The buttons on the pages that signed links lead to. Each acts only on a POST (a mail scanner that fetches
 * the link changes nothing), then sends the visitor back to the page, which shows the new state.
 */
const tokenOf = (form: FormData): string => {
  const value = form.get('token')
  return typeof value === 'string' ? value : ''
}

const back = (path: string, token: string, extra = ''): never => redirect(`${signedLinkPath({ path, token })}${extra}`)

export const confirmAction = async (form: FormData) => {
  const token = tokenOf(form)
  await confirmSubscription({ payload: await getPayload({ config }), source: NEWSLETTER_CONFIRM, token })
  back(NEWSLETTER_CONFIRM, token)
}

export const unsubscribeAction = async (form: FormData) => {
  const token = tokenOf(form)
  await unsubscribe({ payload: await getPayload({ config }), source: NEWSLETTER_UNSUBSCRIBE, token })
  back(NEWSLETTER_UNSUBSCRIBE, token)
}

export const savePreferencesAction = async (form: FormData) => {
  const token = tokenOf(form)
  const result = await updatePreferences({
    payload: await getPayload({ config }),
    source: NEWSLETTER_PREFERENCES,
    token,
    topics: form.getAll('topics').map(String),
    wording: CURRENT_WORDING.preferences,
  })
  back(NEWSLETTER_PREFERENCES, token, result.ok ? '&saved=1' : !result.ok && result.reason === 'invalid-input' ? '&error=topics' : '')
}

/** The unsubscribe button on the preferences page, which carries a manage token. */
export const unsubscribeFromPreferencesAction = async (form: FormData) => {
  const token = tokenOf(form)
  await unsubscribe({ payload: await getPayload({ config }), purposes: ['manage'], source: NEWSLETTER_PREFERENCES, token })
  back(NEWSLETTER_PREFERENCES, token)
}
