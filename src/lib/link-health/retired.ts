import { hostWithin } from './extract'

/** A service that has closed (or numbers that should no longer be given), and what took its place. */
export type RetiredService = {
  /** Web sites of the service: links to them or any of their subdomains are flagged. */
  hosts?: null | string[]
  name: string
  /** Phone numbers, matched however they are spaced; one ending in `*` matches every number starting so. */
  numbers?: null | string[]
  replacement: string
}

/** The list a new hub starts with (the retired-services global's default): admins add to it. */
export const DEFAULT_RETIRED_SERVICES: RetiredService[] = [
  {
    hosts: ['nhsdirect.nhs.uk'],
    name: 'NHS Direct',
    numbers: ['0845 4647'],
    replacement: 'NHS 111: call 111 or go to 111.nhs.uk. NHS Direct closed in 2014.',
  },
  {
    hosts: [],
    name: '0845 number',
    numbers: ['0845*'],
    replacement: 'The service’s current number (often an 03 number): 0845 numbers cost callers more and many have been withdrawn.',
  },
]

// Between the digits of a number people write spaces, hyphens, dots or non-breaking spaces.
const GAP = '[\\s.\\u00a0-]?'

/** A pattern for one listed number, or null for an entry with no digits. */
const numberPattern = ({ number }: { number: string }): null | RegExp => {
  const digits = number.replace(/\D/g, '')
  if (!digits) return null
  const body = [...digits].join(GAP)
  // A prefix goes on with at least one more digit; a whole number must not run on into more digits.
  const tail = number.trim().endsWith('*') ? `(?:${GAP}\\d)+` : `(?!${GAP}\\d)`
  return new RegExp(`(?<![\\d+])${body}${tail}`, 'g')
}

/** The service whose site `host` is on, if any. */
export const retiredHost = ({ host, services }: { host: string; services: RetiredService[] }): null | RetiredService =>
  services.find((service) => (service.hosts ?? []).some((domain) => hostWithin({ domain, host }))) ?? null

/**
 * Retired numbers in `text`, as `tel:` addresses (digits only), each with its service. A number matched by an
 * earlier service in the list is not claimed by a later one (NHS Direct's number before "any 0845 number").
 */
export const retiredNumbers = ({ services, text }: { services: RetiredService[]; text: string }): Map<string, RetiredService> => {
  const found = new Map<string, RetiredService>()
  const claimed: [number, number][] = []
  for (const service of services) {
    for (const number of service.numbers ?? []) {
      const pattern = numberPattern({ number })
      if (!pattern) continue
      for (const match of text.matchAll(pattern)) {
        const start = match.index
        const end = start + match[0].length
        if (claimed.some(([from, to]) => start < to && end > from)) continue
        claimed.push([start, end])
        const tel = `tel:${match[0].replace(/\D/g, '')}`
        if (!found.has(tel)) found.set(tel, service)
      }
    }
  }
  return found
}

/** What a retired link's row says about it. */
export const retiredReason = ({ service }: { service: RetiredService }): string => `${service.name}: ${service.replacement}`
