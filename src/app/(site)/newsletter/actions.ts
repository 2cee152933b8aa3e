'use server'

import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import type { SignupState } from '@/lib/newsletter/signup-form'

import { CLIENT_IP_HEADER } from '@/lib/http/client-ip'
import { submitSignupForm } from '@/lib/newsletter/signup-form'
import { NEWSLETTER_CHECK_EMAIL } from '@/lib/routes'

export type { SignupState }

/** The sign-up form: the same rules and limit as POST /api/subscribers/signup; works as a plain form post. */
export const signUp = async (_previous: SignupState, form: FormData): Promise<SignupState> => {
  const ip = (await headers()).get(CLIENT_IP_HEADER) ?? 'unknown'
  const result = await submitSignupForm({ form, ip, payload: await getPayload({ config }) })
  if (result === 'sent') redirect(NEWSLETTER_CHECK_EMAIL)
  return result
}
