export const ROLES = ['admin', 'editor', 'clinical-reviewer', 'responder', 'secretary', 'professional'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  'clinical-reviewer': 'Clinical reviewer',
  editor: 'Editor',
  professional: 'Health or care professional',
  responder: 'Question responder',
  secretary: 'Group secretary',
}

/**
 * Roles that work in the admin panel; `professional` only reads restricted content on the site. A
 * `secretary` writes minutes and actions only for the groups that name them as secretary.
 */
export const STAFF_ROLES: Role[] = ['admin', 'editor', 'clinical-reviewer', 'responder', 'secretary']

// Role groups: every rule names one of these rather than listing roles inline.
export const ADMINS: Role[] = ['admin']
/** Who writes content, and who may see every draft of it. */
export const EDITORS: Role[] = ['admin', 'editor']
export const CONTENT_STAFF: Role[] = ['admin', 'editor', 'clinical-reviewer']
/** Who signs guidance off. */
export const CLINICAL_REVIEWERS: Role[] = ['clinical-reviewer']
/** Who answers "Ask a question" submissions. */
export const DESK: Role[] = ['admin', 'responder']
/** Secretaries write minutes and actions for the groups that name them. */
export const SECRETARIES: Role[] = ['secretary']
/** Who works on the governance records (groups, meetings, actions) in the admin. */
export const GOVERNANCE_STAFF: Role[] = ['admin', 'editor', 'secretary']
/** Who may read content written for health and care professionals. */
export const PROFESSIONAL_READERS: Role[] = ['admin', 'editor', 'clinical-reviewer', 'responder', 'professional']

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value)
