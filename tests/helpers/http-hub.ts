import type { RequestHandler } from 'express'
import type { Server } from 'node:http'
import type { Logger } from 'pino'

import type { TestHub } from './hub'

import { Readable } from 'node:stream'

import { createApp } from '../../src/server/app'

type RouteHandler = (request: Request) => Promise<Response> | Response
type RestHandler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
type ApiRoutes = { graphql: RouteHandler; rest: Record<string, RestHandler> }

/** The app's own API route modules, imported once the test hub has set the environment the config reads. */
const apiRoutes = async (): Promise<ApiRoutes> => {
  const graphql = await import('../../src/app/(payload)/api/graphql/route')
  const rest = await import('../../src/app/(payload)/api/[...slug]/route')
  return { graphql: graphql.POST, rest: { DELETE: rest.DELETE, GET: rest.GET, PATCH: rest.PATCH, POST: rest.POST, PUT: rest.PUT } }
}

/** The Express request as the fetch Request Next gives a route handler, body streamed as it arrives. */
const toFetchRequest = ({ req }: { req: Parameters<RequestHandler>[0] }): Request => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((each) => headers.append(name, each))
    else if (value !== undefined) headers.set(name, value)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.originalUrl}`, {
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: 'half',
    headers,
    method: req.method,
  } as RequestInit)
}

const send = async ({ res, response }: { res: Parameters<RequestHandler>[1]; response: Response }) => {
  res.status(response.status)
  response.headers.forEach((value, name) => res.setHeader(name, value))
  res.end(Buffer.from(await response.arrayBuffer()))
}

/**
 * Stands in for Next behind the hub's Express app: /api/graphql and /api/* go to the app's own route
 * modules (src/app/(payload)/api), named site routes to their handlers, anything else to a plain page. Like
 * Next, an exception thrown by a handler becomes a 500.
 */
export const payloadRoutes =
  ({ api, routes = {} }: { api: ApiRoutes; routes?: Record<string, RouteHandler> }): RequestHandler =>
  async (req, res) => {
    const pathname = req.path
    let handler: RouteHandler | undefined
    if (pathname === '/api/graphql' && req.method === 'POST') handler = api.graphql
    else if (pathname.startsWith('/api/')) {
      const rest = api.rest[req.method]
      const slug = pathname.slice('/api/'.length).split('/').map(decodeURIComponent)
      if (rest) handler = (request) => rest(request, { params: Promise.resolve({ slug }) })
    } else handler = routes[`${req.method} ${pathname}`]
    if (!handler) {
      res.status(200).type('html').send('<p>A page</p>')
      return
    }
    try {
      await send({ res, response: await handler(toFetchRequest({ req })) })
    } catch {
      if (!res.headersSent) res.status(500).type('text').send('Internal Server Error')
    }
  }

export type HttpHub = { base: string; close: () => Promise<void>; server: Server }

/** The hub's Express app (createApp) with Payload's routes, listening on a loopback port. */
export const startHttpHub = async ({
  hub,
  logger,
  routes,
}: {
  hub: TestHub
  logger: Logger
  routes?: Record<string, RouteHandler>
}): Promise<HttpHub> => {
  const app = createApp({
    dev: false,
    logger,
    nextHandler: payloadRoutes({ api: await apiRoutes(), routes }),
    payload: hub.payload,
    state: { draining: false },
    trustProxy: 0,
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as { port: number }
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    server,
  }
}
