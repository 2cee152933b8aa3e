import { CLIENT_IP_HEADER } from '../http/client-ip'

/** The client address Express resolved for this request; "unknown" for server-side calls. */
export const clientIpOf = ({ headers }: { headers?: Headers | null }): string => headers?.get(CLIENT_IP_HEADER) || 'unknown'

/** Payload's own normalisation of a sign-in address. */
export const normaliseEmail = ({ email }: { email: unknown }): string => (typeof email === 'string' ? email.trim().toLowerCase() : '')
