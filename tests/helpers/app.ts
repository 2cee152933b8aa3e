import type { RequestHandler } from 'express'
import type { Server } from 'node:http'
import type { Payload } from 'payload'

import pino from 'pino'

import { createApp } from '../../src/server/app'

/**
 * The hub's Express layer on a free loopback port, with `nextHandler` standing in for Next (what a page or
 * route would do), so the server's own behaviour is tested over real HTTP.
 */
export const startTestApp = async ({
  livenessLimitMs,
  nextHandler,
  payload,
}: {
  livenessLimitMs?: number
  nextHandler: RequestHandler
  payload: Payload
}): Promise<{ base: string; close: () => Promise<void> }> => {
  const app = createApp({
    dev: false,
    livenessLimitMs,
    logger: pino({ level: 'silent' }),
    nextHandler,
    payload,
    state: { draining: false },
    trustProxy: 0,
  })
  const server: Server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  return {
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
