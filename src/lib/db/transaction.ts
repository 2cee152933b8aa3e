import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

/**
 * Runs `work` in one database transaction on `req` (a new local request when none is given): every write,
 * and every job queued with that request, commits together or not at all. Joins a transaction already open.
 */
export const inTransaction = async <T>({
  payload,
  req: given,
  work,
}: {
  payload: Payload
  req?: PayloadRequest
  work: (req: PayloadRequest) => Promise<T>
}): Promise<T> => {
  const req = given ?? (await createLocalReq({}, payload))
  const owner = await initTransaction(req)
  try {
    const result = await work(req)
    if (owner) await commitTransaction(req)
    return result
  } catch (error) {
    if (owner) await killTransaction(req)
    throw error
  }
}
