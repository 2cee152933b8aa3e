import type { NextFunction, Request, RequestHandler, Response } from 'express'

import fresh from 'fresh'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import type { Encoding } from './encoding'

import { SCRIPT, START_SCRIPT, STYLESHEET } from '../routes'
import { preferredEncoding, varyWithAcceptEncoding } from './encoding'

export type AssetName = 'script' | 'start' | 'stylesheet'

type Asset = {
  body: Buffer
  encoded: Partial<Record<Encoding, Buffer>>
  hash: string
  /** The address pages use: the route with the content's hash before the extension. */
  path: string
  type: string
}

const nhsukDist = () => path.resolve(process.cwd(), 'node_modules/nhsuk-frontend/dist/nhsuk')

/** The route with `.<hash>` before its extension: `/assets/nhsuk-frontend.min.css` becomes `…min.<hash>.css`. */
const withHash = ({ hash, route }: { hash: string; route: string }): string => route.replace(/(\.[a-z]+)$/, `.${hash}$1`)

/**
 * The design system's documented start-up, as a module of our own: its "supported" classes go on the body only in
 * browsers that run modules (which its script needs), then its components start (header menu, error summary focus).
 */
const startModule = (): Buffer =>
  Buffer.from(
    [
      `import { initAll } from '${assetPath({ name: 'script' })}'`,
      "document.body.classList.add('js-enabled', 'nhsuk-frontend-supported')",
      'initAll()',
      '',
    ].join('\n'),
  )

const SOURCES: Record<AssetName, { read: () => Buffer; route: string; type: string }> = {
  script: {
    read: () => fs.readFileSync(path.join(nhsukDist(), 'nhsuk-frontend.min.js')),
    route: SCRIPT,
    type: 'text/javascript; charset=utf-8',
  },
  start: { read: startModule, route: START_SCRIPT, type: 'text/javascript; charset=utf-8' },
  stylesheet: {
    read: () => fs.readFileSync(path.join(nhsukDist(), 'nhsuk-frontend.min.css')),
    route: STYLESHEET,
    type: 'text/css; charset=utf-8',
  },
}

// Read and hashed once per process (the server and Next's pages each compute the same addresses from the same files).
const assets = new Map<AssetName, Asset>()
const asset = ({ name }: { name: AssetName }): Asset => {
  let found = assets.get(name)
  if (!found) {
    const { read, route, type } = SOURCES[name]
    const body = read()
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
    found = { body, encoded: {}, hash, path: withHash({ hash, route }), type }
    assets.set(name, found)
  }
  return found
}

/** The fingerprinted address of one of the site's own assets, for pages to link: it changes when the file does. */
export const assetPath = ({ name }: { name: AssetName }): string => asset({ name }).path

/**
 * Compressed once, at the best Brotli quality (they are sent many times and never change while the process
 * runs), on libuv's thread pool. Until ready, requests get the file as it is.
 */
const compressAsset = ({ asset: found }: { asset: Asset }) => {
  zlib.brotliCompress(
    found.body,
    { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: found.body.length } },
    (error, compressed) => {
      if (!error) found.encoded.br = compressed
    },
  )
  zlib.gzip(found.body, { level: 9 }, (error, compressed) => {
    if (!error) found.encoded.gzip = compressed
  })
}

const YEAR_SECONDS = 365 * 24 * 60 * 60

const send = ({ current, found, req, res }: { current: boolean; found: Asset; req: Request; res: Response }) => {
  const preferred = preferredEncoding(req.headers['accept-encoding'])
  const encoding = preferred && found.encoded[preferred] ? preferred : null
  const body = encoding ? found.encoded[encoding]! : found.body
  res.setHeader('Content-Type', found.type)
  res.setHeader('Vary', varyWithAcceptEncoding(res.getHeader('vary')?.toString()))
  // An address with the current hash never changes; any other (a page from an older or newer release, the plain
  // name) gets today's file, checked again on each use. So does the file sent as it is, in the moment after start,
  // to a client that would take it compressed: it is not the copy to keep for a year.
  const keep = current && (encoding !== null || preferred === null)
  res.setHeader('Cache-Control', keep ? `public, max-age=${YEAR_SECONDS}, immutable` : 'public, no-cache')
  res.setHeader('ETag', `"${found.hash}${encoding ? `-${encoding}` : ''}"`)
  if (fresh(req.headers, { etag: res.getHeader('etag') as string })) {
    res.status(304).end()
    return
  }
  if (encoding) res.setHeader('Content-Encoding', encoding)
  res.setHeader('Content-Length', String(body.length))
  res.status(200).end(req.method === 'HEAD' ? undefined : body)
}

/**
 * Which copy of `route` a path asks for: its hash (`…min.<hash>.css`), null for the plain name, undefined for
 * another file. Case-insensitive, as Express's routes are.
 */
const requestedHash = ({ path, route }: { path: string; route: string }): null | string | undefined => {
  const extension = route.slice(route.lastIndexOf('.'))
  const base = route.slice(0, -extension.length)
  const asked = path.toLowerCase()
  if (!asked.startsWith(base) || !asked.endsWith(extension) || asked.length < route.length) return undefined
  const middle = asked.slice(base.length, asked.length - extension.length)
  if (!middle) return null
  return /^\.[0-9a-f]{12}$/.test(middle) ? middle.slice(1) : undefined
}

/**
 * Serves the design system's stylesheet and script and the start-up module at their fingerprinted addresses
 * (`…min.<hash>.css`), cached for a year as immutable, in Brotli or gzip as the client accepts, with an ETag;
 * the plain names and other hashes still answer, revalidated on each use, so a page from another release keeps
 * its styles. express.static cannot do this: it neither fingerprints nor sends precompressed copies.
 */
export const staticAssets = ({ compress = true }: { compress?: boolean } = {}): RequestHandler => {
  const names = Object.keys(SOURCES) as AssetName[]
  if (compress) for (const name of names) compressAsset({ asset: asset({ name }) })
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    for (const name of names) {
      const hash = requestedHash({ path: req.path, route: SOURCES[name].route })
      if (hash === undefined) continue
      const found = asset({ name })
      send({ current: hash === found.hash, found, req, res })
      return
    }
    next()
  }
}
