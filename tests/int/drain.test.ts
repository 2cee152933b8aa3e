import type { ServerResponse } from 'node:http'

import http from 'node:http'
import { describe, expect, it } from 'vitest'

import { drainableServer } from '../../src/lib/http/drain'
import { waitFor } from '../helpers/wait'

const CONNECTIONS = 20
const REQUEST_MS = 300

type Outcome = { connectionClose: boolean; error?: string; sentAt: number; status?: number }

/** One keep-alive client: request after request on its socket until the server stops answering. */
const clientLoop = async ({ agent, outcomes, port }: { agent: http.Agent; outcomes: Outcome[]; port: number }) => {
  for (;;) {
    const sentAt = Date.now()
    const outcome = await new Promise<Outcome>((resolve) => {
      const request = http.get({ agent, host: '127.0.0.1', path: '/', port }, (response) => {
        response.resume()
        response.on('end', () => resolve({ connectionClose: response.headers.connection === 'close', sentAt, status: response.statusCode }))
      })
      request.on('error', (error: NodeJS.ErrnoException) => resolve({ connectionClose: false, error: error.code ?? error.message, sentAt }))
    })
    outcomes.push(outcome)
    if (outcome.error) return
  }
}

/** A server whose every answer takes REQUEST_MS; `streaming` sends the headers and a first chunk at once. */
const slowServer = async ({ streaming }: { streaming: boolean }) => {
  const answering = new Set<ServerResponse>()
  const server = http.createServer((_req, res) => {
    answering.add(res)
    if (streaming) res.write('first part, ')
    setTimeout(() => {
      answering.delete(res)
      res.end('done')
    }, REQUEST_MS)
  })
  const drainable = drainableServer({ server })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { answering, drainable, port: (server.address() as { port: number }).port }
}

const errorsOf = (outcomes: Outcome[]) => outcomes.filter((outcome) => outcome.error).map((outcome) => outcome.error)

describe('draining under keep-alive load', () => {
  it(`${CONNECTIONS} busy keep-alive connections: in-flight requests finish, each connection closes after its answer, none is cut off`, async () => {
    const { answering, drainable, port } = await slowServer({ streaming: false })
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS })
    const outcomes: Outcome[] = []
    const loops = Array.from({ length: CONNECTIONS }, () => clientLoop({ agent, outcomes, port }))
    // The signal comes while every connection has a request in flight, each one already answered before.
    expect(
      await waitFor({ check: () => outcomes.length >= CONNECTIONS && answering.size === CONNECTIONS, intervalMs: 5, timeoutMs: 10_000 }),
    ).toBe(true)

    const drainStarted = Date.now()
    const drained = await drainable.drain({ timeoutMs: 10_000 })
    await Promise.all(loops)
    agent.destroy()

    // Closed because every connection was done, within about one request's time, not cut at the deadline.
    expect(drained).toBe(true)
    expect(Date.now() - drainStarted).toBeLessThan(5_000)
    const answered = outcomes.filter((outcome) => !outcome.error)
    expect(answered.every((outcome) => outcome.status === 200)).toBe(true)
    // The requests in flight at the signal were answered, with `Connection: close`...
    const inFlightAtSignal = answered.filter((outcome) => outcome.sentAt <= drainStarted && outcome.connectionClose)
    expect(inFlightAtSignal).toHaveLength(CONNECTIONS)
    // ...and each client's next request found the port closed: nothing reset, nothing unanswered.
    expect(errorsOf(outcomes)).toEqual(Array(CONNECTIONS).fill('ECONNREFUSED'))
  })

  it('a response already streaming at the signal is finished; the next request on its connection is answered, then it closes', async () => {
    const { answering, drainable, port } = await slowServer({ streaming: true })
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const outcomes: Outcome[] = []
    const loop = clientLoop({ agent, outcomes, port })
    expect(await waitFor({ check: () => outcomes.length >= 1 && answering.size === 1, intervalMs: 5, timeoutMs: 10_000 })).toBe(true)
    const drainStarted = Date.now()
    const drained = await drainable.drain({ timeoutMs: 10_000 })
    await loop
    agent.destroy()
    expect(drained).toBe(true)
    const answered = outcomes.filter((outcome) => !outcome.error)
    // The streamed answer could not carry the header and arrived whole; the request after it on the same
    // connection was answered with `Connection: close`, and the one after that found the port closed.
    const [streamed, next] = answered.slice(-2)
    expect(streamed).toMatchObject({ connectionClose: false, status: 200 })
    expect(streamed!.sentAt).toBeLessThanOrEqual(drainStarted)
    expect(next).toMatchObject({ connectionClose: true, status: 200 })
    expect(errorsOf(outcomes)).toEqual(['ECONNREFUSED'])
  })
})
