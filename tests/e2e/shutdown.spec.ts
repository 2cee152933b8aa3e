import { expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

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
    for (let attempt = 0; attempt < 400 && !ready && server.exitCode === null; attempt++) {
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(ready, output).toBe(true)
    // No ADMIN_PASSWORD: a one-time password is generated and printed, never a fixed default.
    expect(output).toMatch(/one-time password:\s+\S{16,}/)
    // A request still being uploaded when SIGTERM arrives must be answered before the process exits.
    const first = '{"email":"nobody@example.org",'
    const rest = '"password":"not the password"}'
    // The API wants a Content-Length (411 without one), so the body is announced whole and sent in two parts.
    const inFlight = http.request({
      headers: { 'content-length': String(Buffer.byteLength(first + rest)), 'content-type': 'application/json' },
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
    inFlight.write(first)
    await new Promise((resolve) => setTimeout(resolve, 300))
    server.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 700))
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
