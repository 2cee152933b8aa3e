import { signOffStepApi } from '../../lib/routes'
import { postToHub } from './hub-client'

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
  const answer = await postToHub({ body: JSON.stringify(body), url: signOffStepApi({ id, step }) })
  return answer.ok ? null : answer.problems[0]!
}
