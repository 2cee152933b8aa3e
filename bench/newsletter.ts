/**
 * Newsletter sending throughput and the sender's memory, against raw nodemailer sends of the same message.
 *
 *   node --import tsx bench/newsletter.ts [--subscribers 10000] [--connections 2] [--rate 0]
 *
 * Seeds a fresh SQLite database with confirmed subscribers and one issue, then runs three processes: a
 * loopback SMTP sink (smtp-server, accepts and counts), the hub's sender (src/lib/newsletter/sender.ts,
 * listing recipients, claiming batches, rendering each copy with its own signed links and recording every
 * delivery) and, as the reference, a bare nodemailer pool sending the same rendered message to the same sink
 * with the same number of connections and no database. `--rate 0` (the default) lifts the hub's rate limit
 * to measure capacity. Prints messages/second, the sender's RSS before sending (after start-up, which runs
 * bundled, as the production worker is) and its peak RSS and heap while listing and sending, and the ratio
 * to the reference.
 */
import type { ChildProcess } from 'node:child_process'

import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`)
  return index > 0 ? Number(process.argv[index + 1]) : fallback
}
const role = process.argv[process.argv.indexOf('--role') + 1]
const self = fileURLToPath(import.meta.url)
// The measured processes run this file bundled to plain JavaScript, as the production worker runs its bundle:
// under the TypeScript loader, start-up and memory would include compiling the sources.
const BUNDLE_DIR = path.join('dist', 'bench')
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0)

/** Peak resident memory of this process so far (the kernel's high-water mark), in bytes. */
const peakRss = (): number => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024

/** Samples heap and RSS every 20 ms and keeps the highest values seen. */
const memorySampler = () => {
  const peak = { heap: 0, rss: 0 }
  const sample = () => {
    const { heapUsed, rss } = process.memoryUsage()
    peak.heap = Math.max(peak.heap, heapUsed)
    peak.rss = Math.max(peak.rss, rss)
  }
  sample()
  const timer = setInterval(sample, 20)
  return { stop: () => (clearInterval(timer), sample(), peak) }
}

type Sample = { headers: Record<string, string>; html: string; subject: string; text: string }

/** An SMTP server that accepts everything and counts messages; answers `count` over IPC. */
const runSink = async () => {
  const { SMTPServer } = await import('smtp-server')
  const { freePort } = await import('../tests/helpers/ports')
  let received = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, done) => {
      stream.on('data', () => undefined)
      stream.on('end', () => {
        received++
        done()
      })
    },
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  process.on('message', (message: { type: string }) => {
    if (message.type === 'count') process.send!({ received, type: 'count' })
    if (message.type === 'reset') received = 0
  })
  process.send!({ port, type: 'ready' })
}

/** The hub's sender on the prepared database, until the issue is sent. */
const runSender = async () => {
  const { bootPayload } = await import('../src/server/boot')
  const { queueRecipients } = await import('../src/lib/newsletter/recipients')
  const { runNewsletterSender } = await import('../src/lib/newsletter/sender')
  const { loadIssueContent, personalise, renderIssueTemplate } = await import('../src/lib/newsletter/render')
  const { listHeaders } = await import('../src/lib/newsletter/sender')
  const payload = await bootPayload({ cron: false })
  const issueId = Number(process.env.BENCH_ISSUE)
  const issue = await payload.findByID({ collection: 'newsletters', id: issueId, overrideAccess: true })
  const content = await loadIssueContent({ issue, payload })
  const sample = personalise({ links: { manage: `${content.origin}/newsletter/preferences?token=${'x'.repeat(80)}`, unsubscribe: `${content.origin}/newsletter/unsubscribe?token=${'x'.repeat(80)}` }, template: renderIssueTemplate({ content }) })
  const headers = listHeaders({ oneClick: `${content.origin}/api/subscribers/unsubscribe?token=${'x'.repeat(80)}`, siteName: content.siteName, topic: issue.topic, unsubscribeMailbox: 'no-reply@diabetes-hub.local' })
  fs.writeFileSync(process.env.BENCH_SAMPLE!, JSON.stringify({ ...sample, headers, subject: issue.subject } satisfies Sample))

  // Memory while listing and sending, after start-up (loading Payload and the editor is most of the process's peak).
  const memory = memorySampler()
  const rssBefore = process.memoryUsage().rss
  const listStarted = performance.now()
  const recipients = await queueRecipients({ issueId, payload })
  const listMs = performance.now() - listStarted
  const sendStarted = performance.now()
  let sent = 0
  for (;;) {
    const totals = await runNewsletterSender({ budgetMs: 600_000, payload, shouldStop: () => false })
    sent += totals.sent
    const { status } = await payload.findByID({ collection: 'newsletters', depth: 0, id: issueId, overrideAccess: true })
    if (status === 'sent') break
  }
  const sendMs = performance.now() - sendStarted
  const { heap, rss } = memory.stop()
  process.send!({ heapPeak: heap, listMs, processRssPeak: peakRss(), recipients, rssBefore, rssPeak: rss, sendMs, sent, type: 'done' })
  await payload.destroy()
}

/** The reference: the same message, nodemailer's pool, no database, no per-recipient work but the address. */
const runReference = async () => {
  const memory = memorySampler()
  const rssBefore = process.memoryUsage().rss
  const nodemailer = (await import('nodemailer')).default
  const sample = JSON.parse(fs.readFileSync(process.env.BENCH_SAMPLE!, 'utf8')) as Sample
  const count = Number(process.env.BENCH_COUNT)
  const connections = Number(process.env.BENCH_CONNECTIONS)
  const transport = nodemailer.createTransport({ host: '127.0.0.1', maxConnections: connections, maxMessages: 1000, pool: true, port: Number(process.env.BENCH_PORT), secure: false })
  const started = performance.now()
  let next = 0
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      await transport.sendMail({
        from: 'no-reply@diabetes-hub.local',
        headers: sample.headers,
        html: sample.html,
        messageId: `<reference-${index}@diabetes-hub.local>`,
        subject: sample.subject,
        text: sample.text,
        to: `reader${index}@example.org`,
      })
    }
  }
  await Promise.all(Array.from({ length: connections }, worker))
  const sendMs = performance.now() - started
  transport.close()
  const { heap, rss } = memory.stop()
  process.send!({ heapPeak: heap, processRssPeak: peakRss(), rssBefore, rssPeak: rss, sendMs, sent: count, type: 'done' })
}

const bundle = async (): Promise<string> => {
  const { build } = await import('esbuild')
  await build({
    bundle: true,
    chunkNames: 'chunks/[name]-[hash]',
    entryPoints: { newsletter: self },
    format: 'esm',
    logLevel: 'warning',
    outdir: path.join(process.cwd(), BUNDLE_DIR),
    packages: 'external',
    platform: 'node',
    splitting: true,
    target: 'node20',
    tsconfig: path.join(process.cwd(), 'tsconfig.json'),
  })
  return path.join(process.cwd(), BUNDLE_DIR, 'newsletter.js')
}

const child = ({ entry, env, role: childRole }: { entry: string; env: Record<string, string>; role: string }): ChildProcess =>
  fork(entry, ['--role', childRole], { env: { ...process.env, ...env }, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })

const nextMessage = <T>(process: ChildProcess, type: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return
      process.off('message', onMessage)
      resolve(message as T)
    }
    process.on('message', onMessage)
    process.once('exit', (code) => reject(new Error(`a benchmark process exited with ${code} before "${type}"`)))
  })

const runMain = async () => {
  const subscribers = argument('subscribers', 10_000)
  const connections = argument('connections', 2)
  const rate = argument('rate', 0)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-newsletter-'))
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, 'hub.db')}`,
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'warn',
    NEWSLETTER_RATE_PER_SECOND: String(rate > 0 ? rate : 1_000_000),
    NEWSLETTER_SMTP_CONNECTIONS: String(connections),
    PAYLOAD_SECRET: randomBytes(16).toString('hex'),
    PUBLIC_URL: 'https://hub.example.nhs.uk',
  }
  Object.assign(process.env, env)
  console.log(`${subscribers} confirmed subscribers, ${connections} SMTP connections, rate ${rate > 0 ? `${rate}/s` : 'unlimited'}, SQLite, Node ${process.version}, ${os.cpus().length} CPUs`)

  const { bootPayload } = await import('../src/server/boot')
  const { seedSubscribers, publishedUpdate, draftIssue, startIssue } = await import('../tests/helpers/newsletter')
  const payload = await bootPayload({ cron: false })
  const seedStarted = performance.now()
  await seedSubscribers({ count: subscribers, payload, prefix: 'reader', topics: ['network-updates'] })
  const items = [await publishedUpdate({ payload, title: 'Foot care pathway' }), await publishedUpdate({ payload, title: 'Structured education places' })]
  const issue = await draftIssue({ items: items.map((item) => item.id), payload, subject: 'Network news, November', topic: 'network-updates' })
  await startIssue({ id: issue.id, payload })
  await payload.destroy()
  console.log(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`)

  const entry = await bundle()
  const sink = child({ entry, env: {}, role: 'sink' })
  const { port } = await nextMessage<{ port: number }>(sink, 'ready')
  const smtpEnv = { BENCH_SAMPLE: path.join(dataDir, 'sample.json'), SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false' }
  const countAtSink = async () => {
    sink.send({ type: 'count' })
    return (await nextMessage<{ received: number }>(sink, 'count')).received
  }

  type Result = { heapPeak: number; listMs?: number; processRssPeak: number; recipients?: number; rssBefore: number; rssPeak: number; sendMs: number; sent: number }
  const hub = await nextMessage<Result>(child({ entry, env: { ...smtpEnv, BENCH_ISSUE: String(issue.id) }, role: 'sender' }), 'done')
  const hubReceived = await countAtSink()
  sink.send({ type: 'reset' })
  const reference = await nextMessage<Result>(child({ entry, env: { ...smtpEnv, BENCH_CONNECTIONS: String(connections), BENCH_COUNT: String(subscribers), BENCH_PORT: String(port) }, role: 'reference' }), 'done')
  const referenceReceived = await countAtSink()
  sink.kill()
  fs.rmSync(dataDir, { force: true, recursive: true })

  const perSecond = (result: Result) => result.sent / (result.sendMs / 1000)
  console.log(`recipients listed (${hub.recipients} deliveries written) in ${((hub.listMs ?? 0) / 1000).toFixed(1)} s`)
  console.table([
    { run: 'hub sender', 'accepted by sink': hubReceived, 'messages/s': perSecond(hub).toFixed(0), 'send s': (hub.sendMs / 1000).toFixed(1), 'RSS before MB': mb(hub.rssBefore), 'peak RSS sending MB': mb(hub.rssPeak), 'peak heap sending MB': mb(hub.heapPeak), 'process peak RSS MB': mb(hub.processRssPeak) },
    { run: 'raw nodemailer pool', 'accepted by sink': referenceReceived, 'messages/s': perSecond(reference).toFixed(0), 'send s': (reference.sendMs / 1000).toFixed(1), 'RSS before MB': mb(reference.rssBefore), 'peak RSS sending MB': mb(reference.rssPeak), 'peak heap sending MB': mb(reference.heapPeak), 'process peak RSS MB': mb(reference.processRssPeak) },
  ])
  console.log(`hub / raw nodemailer: ${(perSecond(hub) / perSecond(reference)).toFixed(2)}x the messages per second`)
  if (hubReceived !== subscribers || hub.sent !== subscribers) {
    console.error(`the sink received ${hubReceived} and the hub recorded ${hub.sent} sent, for ${subscribers} subscribers`)
    process.exitCode = 1
  }
}

if (role === 'sink') await runSink()
else if (role === 'sender') await runSender()
else if (role === 'reference') await runReference()
else await runMain()
