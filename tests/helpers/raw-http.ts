import http from 'node:http'

export type RawRequest = {
  body?: Buffer | string
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean
  /** A Content-Length larger than the body sent: the answer is awaited before the rest would be written. */
  declaredLength?: number
  headers?: Record<string, string>
  method?: string
  path: string
}

export type RawResponse = { headers: http.IncomingHttpHeaders; status: number; text: string }

/**
 * One HTTP request exactly as given (address bytes, headers, body and its length), where fetch would correct
 * or refuse it: broken percent-encoding, a declared length the body does not have, a chunked body.
 */
export const rawRequest = ({ base, request }: { base: string; request: RawRequest }): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const { body, chunked = false, declaredLength, headers = {}, method = 'GET', path } = request
    const url = new URL(base)
    const length = chunked ? undefined : (declaredLength ?? (body === undefined ? undefined : Buffer.byteLength(body)))
    const req = http.request(
      {
        headers: { ...headers, ...(length === undefined ? {} : { 'content-length': String(length) }), connection: 'close' },
        host: url.hostname,
        method,
        path,
        port: url.port,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          resolve({ headers: res.headers, status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })
          if (declaredLength !== undefined) req.destroy()
        })
      },
    )
    // The server may answer and close before an over-long body is written: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)))
    if (body !== undefined) req.write(body)
    if (declaredLength === undefined) req.end()
  })
