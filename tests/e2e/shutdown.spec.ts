import { expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { waitFor } from '../helpers/wait'

test('a second instance starts on a fresh database, answers the request in flight at SIGTERM, then exits 0', async () => {
  test.setTimeout(120_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-shutdown-'))
  const port = String(Number(process.env.E2E_PORT) + 1)
  const server = spawn(process.execPath, ['dist/start.js'], {
    env: { ...process.env, ADMIN_EMAIL: '', ADMIN_PASSWORD: '', DATA_DIR: dataDir, DATABASE_URL: '', PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stdout.on('data', (chunk) => (output += chunk))
  server.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<null | number>((resolve) => server.once('exit', resolve))
  try {
    let ready = false
    await waitFor({
      check: async () =>
        server.exitCode !== null ||
        (ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        )),
      intervalMs: 250,
      timeoutMs: 100_000,
    })
    expect(ready, output).toBe(true)
    // No ADMIN_PASSWORD: a one-time password is generated and printed, never a fixed default.
    expect(output).toMatch(/one-time password:\s+\S{16,}/)
    // A request still being uploaded when SIGTERM arrives must be answered before the process exits.
    const first = '{"email":"nobody@example.org",'
    const rest = '"password":"not the password"}'
    // The API wants a Content-Length (411 without one), so the body is announced whole and sent in two parts.
    // Expect: 100-continue sends the headers at once, and the server's 100 says it has the request in hand.
    const inFlight = http.request({
      headers: { 'content-length': String(Buffer.byteLength(first + rest)), 'content-type': 'application/json', expect: '100-continue' },
      host: '127.0.0.1',
      method: 'POST',
      path: '/api/users/login',
      port,
    })
    const answer = new Promise<number>((resolve, reject) => {
      inFlight.on('response', (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      })
      inFlight.on('error', reject)
    })
    await new Promise<void>((resolve, reject) => {
      inFlight.once('continue', resolve)
      void answer.then((code) => reject(new Error(`answered ${code} instead of 100 Continue:\n${output}`)), reject)
    })
    // Half the body handed to the network before the signal.
    await new Promise<void>((resolve, reject) => inFlight.write(first, (error) => (error ? reject(error) : resolve())))
    server.kill('SIGTERM')
    // Draining has begun, with the request still unanswered: the process must not be gone.
    await expect.poll(() => output, { timeout: 30_000 }).toContain('shutting down: finishing in-flight requests')
    expect(server.exitCode).toBeNull()
    inFlight.end(rest)
    expect(await answer).toBe(401)
    expect(await exited).toBe(0)
    expect(output).toContain('shutdown complete')
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL')
    fs.rmSync(dataDir, { force: true, recursive: true })
  }
})
