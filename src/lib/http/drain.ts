import type { IncomingMessage, Server, ServerResponse } from 'node:http'

type Drainable = { drain: (args: { timeoutMs: number }) => Promise<boolean> }

/**
 * Prepares a server for a clean stop under keep-alive load. When `drain` is called:
 * - it stops listening, and closes connections idle between requests at once;
 * - every response not yet started, and every one after, carries `Connection: close`, so each connection
 *   closes as soon as the request on it is answered and no client sends another on it (once the server has
 *   stopped listening, Node also closes the connection of a response that was already streaming, right after
 *   its last byte);
 * - it resolves when the last connection has closed (true), or at the deadline (false), when the
 *   connections still open are cut.
 * A rolling restart then takes about as long as the slowest request in flight, and no request is cut off.
 */
export const drainableServer = ({ server }: { server: Server }): Drainable => {
  const inFlight = new Set<ServerResponse>()
  let draining = false
  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close')
  }
  // Before the application's own handler, which may start the answer at once.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res)
    if (draining) closeAfterAnswer(res)
    res.once('close', () => inFlight.delete(res))
  })
  const drain = async ({ timeoutMs }: { timeoutMs: number }): Promise<boolean> => {
    draining = true
    for (const res of inFlight) closeAfterAnswer(res)
    const closed = new Promise<true>((resolve) => server.close(() => resolve(true)))
    server.closeIdleConnections()
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs)
    })
    const done = await Promise.race([closed, deadline])
    clearTimeout(timer)
    if (!done) server.closeAllConnections()
    return done
  }
  return { drain }
}
