import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server'

import { SMTPServer } from 'smtp-server'

import { freePort } from './ports'

export type ReceivedMail = {
  /** SMTP envelope: MAIL FROM and RCPT TO, as the server saw them. */
  envelope: { from: string; to: string[] }
  /** Lower-cased header names, first occurrence, unfolded and decoded. */
  headers: Record<string, string>
  /** The text/html part, decoded, if there is one. */
  html?: string
  messageId: string
  raw: string
  subject: string
  /** The text/plain part (or a single-part body), decoded, with LF line ends. */
  text: string
  to: string
}

export type TestSmtpServer = {
  /** Messages whose final reply is being held back (see `holdReplies`). */
  held: () => number
  /** Of those, the ones whose client is still connected (a killed client's close has not been seen yet). */
  heldConnected: () => number
  port: number
  received: () => ReceivedMail[]
  /**
   * Answers the held messages: those whose client is still connected are accepted (250) and kept; those
   * whose client went away meanwhile were never accepted, as with a real server, and are dropped.
   */
  releaseHeld: () => void
  /** Listens again on the same port after stop(): the end of a simulated outage. */
  start: () => Promise<void>
  /** Stops listening: new connections are refused, as in an outage. Received mail is kept. */
  stop: () => Promise<void>
}

type Entity = { body: string; headers: Record<string, string> }
type Leaf = { body: string; type: string }

// Enough MIME for what nodemailer writes: encoded words, 7bit / quoted-printable / base64, nested multiparts.

const qpBytes = (value: string): Buffer => {
  const bytes: number[] = []
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3)
    if (value[i] === '=' && /^[\dA-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(value[i]!, 'utf8'))
    }
  }
  return Buffer.from(bytes)
}

const decodeWords = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
      (encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qpBytes(data.replace(/_/g, ' '))).toString('utf8'),
    )

const parseEntity = (source: string): Entity => {
  const split = source.indexOf('\n\n')
  const head = split === -1 ? source : source.slice(0, split)
  const headers: Record<string, string> = {}
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    headers[name] ??= decodeWords(line.slice(colon + 1).trim())
  }
  return { body: split === -1 ? '' : source.slice(split + 2), headers }
}

const decodeBody = ({ body, encoding = '' }: { body: string; encoding?: string }): string => {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (/quoted-printable/i.test(encoding)) return qpBytes(body.replace(/=\n/g, '')).toString('utf8')
  return body
}

const leaves = ({ body, headers }: Entity): Leaf[] => {
  const type = (headers['content-type'] ?? 'text/plain').split(';')[0]!.trim().toLowerCase()
  if (!type.startsWith('multipart/')) return [{ body: decodeBody({ body, encoding: headers['content-transfer-encoding'] }), type }]
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1]
  if (!boundary) throw new Error(`multipart without a boundary: ${headers['content-type']}`)
  const [, ...parts] = body.split(`--${boundary}`)
  return parts.filter((part) => !part.startsWith('--')).flatMap((part) => leaves(parseEntity(part.replace(/^\n/, '').replace(/\n$/, ''))))
}

export const parseMail = ({ envelope, raw }: { envelope: ReceivedMail['envelope']; raw: string }): ReceivedMail => {
  const entity = parseEntity(raw.replace(/\r\n/g, '\n'))
  const parts = leaves(entity)
  return {
    envelope,
    headers: entity.headers,
    html: parts.find((part) => part.type === 'text/html')?.body,
    messageId: entity.headers['message-id'] ?? '',
    raw,
    subject: entity.headers.subject ?? '',
    text: parts.find((part) => part.type === 'text/plain')?.body ?? '',
    to: entity.headers.to ?? '',
  }
}

const envelopeOf = (session: SMTPServerSession): ReceivedMail['envelope'] => ({
  from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
  to: session.envelope.rcptTo.map(({ address }) => address),
})

/** How the server answers RCPT TO for an address: null accepts it; a code of 4xx or 5xx refuses it. */
export type RecipientRule = (address: string) => null | { code: number; message: string }

/** The hub's settings for sending through a loopback test SMTP server. */
export const loopbackSmtp = ({ port }: { port: number }) => ({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false' })

/** A real SMTP server on a free loopback port that keeps every message it accepts. */
export const startSmtpServer = async ({
  holdReplies = () => false,
  recipientRule,
}: {
  /** Asked at the end of each message's data: true holds back the server's final reply until `releaseHeld()`. */
  holdReplies?: () => boolean
  recipientRule?: RecipientRule
} = {}): Promise<TestSmtpServer> => {
  const port = await freePort()
  const mail: ReceivedMail[] = []
  const closedSessions = new Set<string>()
  let waiting: Array<{ answer: () => void; session: string }> = []
  let server: null | SMTPServer = null

  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, done: (err?: Error | null) => void) => {
    const chunks: Buffer[] = []
    const accept = () => {
      if (closedSessions.has(session.id)) return done(new Error('client gone before the reply'))
      try {
        mail.push(parseMail({ envelope: envelopeOf(session), raw: Buffer.concat(chunks).toString('utf8') }))
        done()
      } catch (err) {
        done(err as Error)
      }
    }
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('error', done)
    stream.on('end', () => (holdReplies() ? waiting.push({ answer: accept, session: session.id }) : accept()))
  }

  const start = async () => {
    if (server) return
    const instance = new SMTPServer({
      authOptional: true,
      // Plain connections on loopback: no certificate to manage in tests.
      disabledCommands: ['STARTTLS'],
      closeTimeout: 1_000,
      logger: false,
      onClose: (session) => closedSessions.add(session.id),
      onData,
      onRcptTo: (address, _session, callback) => {
        const refusal = recipientRule?.(address.address)
        if (!refusal) return callback()
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
      },
    })
    await new Promise<void>((resolve, reject) => {
      instance.server.once('error', reject)
      instance.listen(port, '127.0.0.1', () => {
        instance.server.off('error', reject)
        resolve()
      })
    })
    server = instance
  }

  const releaseHeld = () => {
    const answers = waiting
    waiting = []
    for (const { answer } of answers) answer()
  }

  const stop = async () => {
    const instance = server
    if (!instance) return
    server = null
    releaseHeld()
    await new Promise<void>((resolve) => instance.close(resolve))
  }

  await start()
  return {
    held: () => waiting.length,
    heldConnected: () => waiting.filter(({ session }) => !closedSessions.has(session)).length,
    port,
    received: () => [...mail],
    releaseHeld,
    start,
    stop,
  }
}
