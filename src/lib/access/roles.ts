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

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value)
