import type { Access } from 'payload'

import {
  adminOnly,
  allowRoles,
  CLINICAL_REVIEWERS,
  CONTENT_STAFF,
  DESK,
  EDITORS,
  fieldAllowRoles,
  hasRole,
  publishedOrEditors,
} from '../../src/lib/access'

/** Who works on published answers: content staff, and the desk, who propose them. */
const ANSWER_STAFF = [...new Set([...CONTENT_STAFF, ...DESK])]

export const answerStaffField = fieldAllowRoles({ roles: ANSWER_STAFF })

/**
 * Responders propose (drafts only: see hooks/publishing), editors publish, clinical reviewers publish answers
 * that give clinical information. The admin asks with `_status: published` whether to offer "Publish".
 */
const updateAnswers: Access = (args) =>
  args.data?._status === 'published'
    ? hasRole({ roles: [...EDITORS, ...CLINICAL_REVIEWERS], user: args.req.user })
    : allowRoles({ roles: ANSWER_STAFF })(args)

export const questionsAndAnswersAccess: Record<'create' | 'delete' | 'read' | 'readVersions' | 'update', Access> = {
  create: allowRoles({ roles: ANSWER_STAFF }),
  delete: adminOnly,
  read: publishedOrEditors({ roles: ANSWER_STAFF }),
  readVersions: allowRoles({ roles: ANSWER_STAFF }),
  update: updateAnswers,
}
