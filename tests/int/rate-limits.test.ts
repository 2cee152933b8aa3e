import type { Server } from 'node:http'
import type { Payload } from 'payload'

import { spawn } from 'node:child_process'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { submitFeedback } from '../../src/lib/feedback/submit'
import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { createRateLimiter, useRateLimitStore } from '../../src/lib/http/rate-limit'
import { submitQuestion } from '../../src/lib/questions/submit'
import { createApp } from '../../src/server/app'
import { apiClient } from '../helpers/api'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'

// Small limits, so each case takes a handful of requests.
const LIMITS = {
  FEEDBACK_RATE_LIMIT_MAX: '2',
  NEWSLETTER_SIGNUP_RATE_LIMIT_MAX: '2',
  QUESTION_EMAIL_RATE_LIMIT_MAX: '2',
  QUESTION_RATE_LIMIT_MAX: '3',
  REFUSED_SUBMISSION_RATE_LIMIT_MAX: '6',
}

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>
let pageId: number | string

beforeAll(async () => {
  hub = await startTestHub({ env: LIMITS })
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  const owner = await createUser({ payload, roles: ['admin'] })
  const area = await payload.create({
    collection: 'care-areas',
    data: { _status: 'published', slug: 'limits', step: 1, summary: 'S', title: 'Limits' },
  })
  const review = { contentOwner: owner.id, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' }
  pageId = (
    await payload.create({
      collection: 'pages',
      data: { _status: 'published', careArea: area.id, review, slug: 'page', summary: 's', title: 'Page' } as never,
    })
  ).id
})

afterAll(async () => {
  await hub?.cleanup()
})

const question = (email: string) => ({ email, name: 'Pat Asker', question: 'Where is the local structured education course held?' })
const ask = (body: Record<string, unknown>, ip: string) =>
  api.rest({ body, headers: { [CLIENT_IP_HEADER]: ip }, method: 'POST', path: 'questions' })
const signup = (body: Record<string, unknown>, ip: string) =>
  api.rest({ body, headers: { [CLIENT_IP_HEADER]: ip }, method: 'POST', path: 'subscribers/signup' })

const formOf = (values: Record<string, string>) => {
  const form = new FormData()
  for (const [key, value] of Object.entries(values)) form.set(key, value)
  return form
}

/** Runs the second hub instance (tests/helpers/rate-limit-child.ts) on this test's database. */
const askFromSecondInstance = async (asks: { email: string; ip: string }[]): Promise<string[]> => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('tests', 'helpers', 'rate-limit-child.ts')], {
    env: { ...process.env, ASKS: JSON.stringify(asks), DATA_DIR: hub.dataDir, DATABASE_URL: hub.databaseUrl, JOBS_AUTORUN: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const code = await new Promise<null | number>((resolve) => child.once('exit', resolve))
  expect(code, output).toBe(0)
  return JSON.parse(output.trim().split('\n').at(-1)!).kinds as string[]
}

describe(`limits counted in the database (${testDatabase()})`, () => {
  it('two instances of the hub share one count per address', { timeout: 120_000 }, async () => {
    const ip = '203.0.113.1'
    expect((await ask(question('first-1@example.org'), ip)).status).toBe(201)
    expect((await ask(question('first-2@example.org'), ip)).status).toBe(201)
    // The third question the address may send goes through the second instance; the fourth is refused there.
    const kinds = await askFromSecondInstance([
      { email: 'second-1@example.org', ip },
      { email: 'second-2@example.org', ip },
    ])
    expect(kinds).toEqual(['accepted', 'rate-limited'])
    // And this instance knows it too.
    expect((await ask(question('first-3@example.org'), ip)).status).toBe(429)
  })

  it("field errors do not use up the address's questions; accepted questions do", async () => {
    const ip = '203.0.113.2'
    for (let mistake = 0; mistake < 5; mistake++) expect((await ask({ ...question('typo'), telephone: '123' }, ip)).status).toBe(400)
    for (let sent = 0; sent < 3; sent++) expect((await ask(question(`honest-${sent}@example.org`), ip)).status).toBe(201)
    const limited = await ask(question('honest-3@example.org'), ip)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(500)
  })

  it('a flood of failing submissions is stopped with 429, even a valid one after it; other addresses go on', async () => {
    const ip = '203.0.113.3'
    for (let sent = 0; sent < 6; sent++) expect((await ask({ ...question('flood@example.org'), question: '' }, ip)).status).toBe(400)
    expect((await ask({ ...question('flood@example.org'), question: '' }, ip)).status).toBe(429)
    const valid = await ask(question('after-flood@example.org'), ip)
    expect(valid.status).toBe(429)
    expect(valid.json.errors[0].message).toMatch(/could not be accepted/)
    expect((await ask(question('neighbour@example.org'), '203.0.113.4')).status).toBe(201)
  })

  it('one busy asker does not lock out colleagues who share the address', async () => {
    const ip = '203.0.113.5'
    expect((await ask(question('busy@example.org'), ip)).status).toBe(201)
    expect((await ask(question('busy@example.org'), ip)).status).toBe(201)
    expect((await ask(question('Busy@Example.org'), ip)).status).toBe(429)
    expect((await ask(question('colleague@example.org'), ip)).status).toBe(201)
  })

  it('newsletter sign-ups: mistakes are forgiven, accepted sign-ups are limited, a flood is stopped', async () => {
    const ip = '203.0.113.6'
    for (let mistake = 0; mistake < 4; mistake++)
      expect((await signup({ email: 'not-an-email', topics: ['guidance'] }, ip)).status).toBe(400)
    expect((await signup({ email: 'reader1@example.org', topics: ['guidance'] }, ip)).status).toBe(202)
    expect((await signup({ email: 'reader2@example.org', topics: ['guidance'] }, ip)).status).toBe(202)
    const limited = await signup({ email: 'reader3@example.org', topics: ['guidance'] }, ip)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)

    const flooder = '203.0.113.7'
    for (let sent = 0; sent < 6; sent++) expect((await signup({ email: 'x', topics: [] }, flooder)).status).toBe(400)
    expect((await signup({ email: 'x', topics: [] }, flooder)).status).toBe(429)
    expect((await signup({ email: 'genuine@example.org', topics: ['guidance'] }, flooder)).status).toBe(429)
  })

  it('page feedback is limited per address, and mistakes do not count', async () => {
    const ip = '203.0.113.8'
    const send = (input: Record<string, unknown>) => submitFeedback({ input, ip, payload, user: null })
    expect(await send({ page: String(pageId) })).toMatchObject({ field: 'useful', status: 400 })
    expect(await send({ page: String(pageId), useful: 'yes' })).toEqual({ ok: true, stored: true })
    expect(await send({ page: String(pageId), useful: 'no' })).toEqual({ ok: true, stored: true })
    expect(await send({ page: String(pageId), useful: 'no' })).toMatchObject({ ok: false, status: 429 })
    expect((await payload.count({ collection: 'feedback', where: { page: { equals: pageId } } })).totalDocs).toBe(2)
  })

  it('a form post without JavaScript over the limit is answered 429 with Retry-After and keeps what was typed', async () => {
    const ip = '203.0.113.9'
    const typed = {
      email: 'kept@example.org',
      name: 'Kept Words',
      question: 'Every word of this question must still be there after the refusal.',
    }
    // A stand-in for Next's page: renders the kept form with 200, as Next does for a form action's result.
    const app = createApp({
      dev: false,
      logger: pino({ level: 'silent' }),
      nextHandler: async (_req, res) => {
        const result = await submitQuestion({ form: formOf(typed), ip, payload })
        const kept = 'values' in result ? result.values.question : ''
        res.status(200).send(`<p>${result.kind}</p><textarea name="question">${kept}</textarea>`)
      },
      payload,
      state: { draining: false },
      trustProxy: 0,
    })
    const server: Server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/ask`
    try {
      for (let sent = 0; sent < 3; sent++) expect((await ask(question(`before-${sent}@example.org`), ip)).status).toBe(201)
      const plain = await fetch(url, { method: 'POST' })
      expect(plain.status).toBe(429)
      expect(Number(plain.headers.get('retry-after'))).toBeGreaterThan(0)
      const body = await plain.text()
      expect(body).toContain('rate-limited')
      expect(body).toContain(typed.question)
      // With JavaScript the page applies the answer in place: it needs its 200.
      expect((await fetch(url, { headers: { 'next-action': 'x' }, method: 'POST' })).status).toBe(200)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('when the store fails, requests go on, counted in this process, with a warning', async () => {
    const warn = vi.spyOn(payload.logger, 'warn')
    const store = await useRateLimitStore({ payload })
    await store.close()
    try {
      const limiter = createRateLimiter({ durationSeconds: 60, name: 'store-down', points: 2 })
      const slots = [await limiter.take({ key: 'k' }), await limiter.take({ key: 'k' }), await limiter.take({ key: 'k' })]
      expect(slots.map((slot) => slot.allowed)).toEqual([true, true, false])
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ limiter: 'store-down' }), expect.stringMatching(/store unavailable/))
      expect((await ask(question('store-down@example.org'), '203.0.113.10')).status).toBe(201)
    } finally {
      warn.mockRestore()
      await useRateLimitStore({ payload })
    }
  })
})
