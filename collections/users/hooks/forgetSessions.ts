import type { CollectionAfterLogoutHook, CollectionAfterOperationHook } from 'payload'

import { forgetSessionsAfterChange } from '../../../src/lib/cache/audience'

// Operations that can end a session or change what an account may read (a sign-in only adds a session).
const CHANGING = new Set(['delete', 'deleteByID', 'resetPassword', 'unlock', 'update', 'updateByID'])

/** Pages cached per audience trust a remembered session only until its account changes (`src/lib/cache/audience`). */
export const forgetSessionsOnChange: CollectionAfterOperationHook = ({ operation, result }) => {
  if (CHANGING.has(operation)) forgetSessionsAfterChange()
  return result
}

export const forgetSessionsOnLogout: CollectionAfterLogoutHook = () => {
  forgetSessionsAfterChange()
}
