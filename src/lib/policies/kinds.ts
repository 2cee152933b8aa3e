import { ACCESSIBILITY, CONTACT, COOKIES, PRIVACY } from '../routes'

/**
 * The policy pages every public-sector site must have. Each kind is one page at a fixed address, linked from
 * every page's footer (`footerLabel`) once it is published.
 */
export const POLICY_KINDS = [
  { footerLabel: 'Privacy notice', label: 'Privacy notice', path: PRIVACY, value: 'privacy' },
  { footerLabel: 'Accessibility statement', label: 'Accessibility statement', path: ACCESSIBILITY, value: 'accessibility' },
  { footerLabel: 'Cookies', label: 'Cookies', path: COOKIES, value: 'cookies' },
  { footerLabel: 'Contact us', label: 'Contact', path: CONTACT, value: 'contact' },
] as const

export type PolicyKind = (typeof POLICY_KINDS)[number]['value']

export const isPolicyKind = (value: unknown): value is PolicyKind => POLICY_KINDS.some((kind) => kind.value === value)

const BY_KIND = Object.fromEntries(POLICY_KINDS.map((entry) => [entry.value, entry])) as Record<PolicyKind, (typeof POLICY_KINDS)[number]>

/** The kind's address and labels. */
export const policyKind = ({ kind }: { kind: PolicyKind }) => BY_KIND[kind]
