'use server'

import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import type { AskResult } from '@/lib/questions/submit'

import { CLIENT_IP_HEADER } from '@/lib/http/client-ip'
import { submitQuestion } from '@/lib/questions/submit'
import { askThankYouPath } from '@/lib/routes'

export type AskState = Extract<AskResult, { kind: 'before-you-ask' | 'invalid' | 'rate-limited' | 'unavailable' }> | null

/** The "Ask a question" form action; works as a plain form post when JavaScript is off. */
export const askQuestion = async (_previous: AskState, form: FormData): Promise<AskState> => {
  const payload = await getPayload({ config })
  const ip = (await headers()).get(CLIENT_IP_HEADER) ?? 'unknown'
  const result = await submitQuestion({ form, ip, payload })
  if (result.kind === 'accepted') redirect(askThankYouPath({ reference: result.reference }))
  return result
}
