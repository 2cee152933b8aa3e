import { signOffStepApi } from '../../lib/routes'

/** Posts one sign-off step as the signed-in user: null when it went through, else the problem to show. */
export const postSignOffStep = async ({
  body,
  id,
  step,
}: {
  body: Record<string, unknown>
  id: number | string
  step: 'approve' | 'request' | 'return'
}): Promise<null | string> => {
  try {
    const response = await fetch(signOffStepApi({ id, step }), {
      body: JSON.stringify(body),
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    if (response.ok) return null
    const answer = (await response.json().catch(() => null)) as null | { errors?: { message?: string }[] }
    return answer?.errors?.[0]?.message ?? `The hub refused the request (${response.status}).`
  } catch {
    return 'The hub could not be reached. Check your connection and try again.'
  }
}
