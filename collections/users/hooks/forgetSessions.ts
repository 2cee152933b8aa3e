import type { CollectionAfterLogoutHook, CollectionAfterOperationHook } from 'payload'

import { forgetSessions } from '../../../src/lib/cache/audience'

// Operations that can end a session or change what an account may read.
const CHANGING = new Set(['delete', 'deleteByID', 'login', 'resetPassword', 'unlock', 'update', 'updateByID'])

// The change commits after these hooks: a check made in between could still read the account as it was.
const AFTER_COMMIT_MS = 2_000

const forget = () => {
  forgetSessions()
  setTimeout(() => forgetSessions(), AFTER_COMMIT_MS).unref()
}

/** Pages cached per audience trust a remembered session only until its account changes (`src/lib/cache/audience`). */
export const forgetSessionsOnChange: CollectionAfterOperationHook = ({ operation, result }) => {
  if (CHANGING.has(operation)) forget()
  return result
}

export const forgetSessionsOnLogout: CollectionAfterLogoutHook = () => {
  forget()
}
