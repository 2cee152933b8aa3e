import Negotiator from 'negotiator'

export type Encoding = 'br' | 'gzip'

// Clients send few distinct Accept-Encoding headers; each is read once (Negotiator, as Express reads it).
const chosenEncodings = new Map<string, Encoding | null>()

/**
 * The compressed form this client prefers among Brotli and gzip (q above 0), or null for the body as it is:
 * no Accept-Encoding, or neither accepted. At equal q Brotli is preferred: it is the smaller.
 */
export const preferredEncoding = (acceptEncoding: string | undefined): Encoding | null => {
  if (!acceptEncoding) return null
  let chosen = chosenEncodings.get(acceptEncoding)
  if (chosen === undefined) {
    // Negotiator 1.x takes `preferred`; its types predate it.
    const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }) as unknown as {
      encodings: (available: string[], options: { preferred: string[] }) => string[]
    }
    chosen = (negotiator.encodings(['br', 'gzip'], { preferred: ['br', 'gzip'] })[0] as Encoding | undefined) ?? null
    if (chosenEncodings.size < 256) chosenEncodings.set(acceptEncoding, chosen)
  }
  return chosen
}

/** A Vary value with Accept-Encoding in it once, whatever it held before. */
export const varyWithAcceptEncoding = (vary: string | undefined): string => {
  const names = (vary ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  return names.some((name) => name.toLowerCase() === 'accept-encoding') ? names.join(', ') : [...names, 'Accept-Encoding'].join(', ')
}
