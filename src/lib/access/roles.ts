export const ROLES = ['admin', 'editor', 'clinical-reviewer', 'responder', 'professional'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  'clinical-reviewer': 'Clinical reviewer',
  editor: 'Editor',
  professional: 'Health or care professional',
  responder: 'Question responder',
}

/** Roles that work in the admin panel; `professional` only reads restricted content on the site. */
export const STAFF_ROLES: Role[] = ['admin', 'editor', 'clinical-reviewer', 'responder']

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value)
