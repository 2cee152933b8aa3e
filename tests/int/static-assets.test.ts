import type { Server } from 'node:http'

import express from 'express'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { assetPath, staticAssets } from '../../src/lib/http/static-assets'

// A file of its own: the assets are read and compressed once per module copy, and here none is compressed yet.
let server: Server
let port: number

beforeAll(async () => {
  server = http.createServer(express().use(staticAssets({ compress: false })))
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as { port: number }).port
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
})

const headersOf = (headers: Record<string, string>) =>
  new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
    http
      .get({ headers, host: '127.0.0.1', path: assetPath({ name: 'stylesheet' }), port }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.headers))
      })
      .on('error', reject)
  })

describe('fingerprinted assets before their compressed copies exist', () => {
  it('the file sent as it is to a client that would take it compressed is revalidated, not kept for a year', async () => {
    const wanted = await headersOf({ 'accept-encoding': 'br, gzip' })
    expect(wanted['content-encoding']).toBeUndefined()
    expect(wanted['cache-control']).toBe('public, no-cache')
    // A client that takes no compression gets what it will always get: that copy is kept.
    const plain = await headersOf({})
    expect(plain['cache-control']).toBe('public, max-age=31536000, immutable')
  })
})
