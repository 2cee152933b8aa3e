import type { RequestHandler } from 'express'
import type { RequestListener, Server } from 'node:http'
import type { Payload } from 'payload'

import http from 'node:http'
import pino from 'pino'

import { createApp } from '../../src/server/app'

/** A server for `listener` on a free loopback port, listening: its port, and how to close it. */
export const listenOnLoopback = async ({
  listener,
}: {
  listener: RequestListener
}): Promise<{ close: () => Promise<void>; port: number; server: Server }> => {
  const server = http.createServer(listener)
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    port: (server.address() as { port: number }).port,
    server,
  }
}

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
  const { close, port } = await listenOnLoopback({ listener: app })
  return { base: `http://127.0.0.1:${port}`, close }
}
