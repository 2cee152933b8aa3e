/**
 * Newsletter sending throughput and the sender's memory, against raw nodemailer sends of the same message,
 * at several list sizes.
 *
 *   node --import tsx bench/newsletter.ts [--subscribers 1000,10000,50000] [--connections 2] [--rate 0] [--profile DIR] [--sender-flags "--trace-gc"]
 *
 * For each size: a fresh SQLite database seeded in bulk with confirmed subscribers and one issue; then, in
 * processes of their own, the hub's sender (src/lib/newsletter/sender.ts: listing the recipients, claiming
 * batches, one signed set of links per copy, recording every delivery) and, as the reference, a bare
 * nodemailer pool sending the same rendered message to the same loopback SMTP sink (smtp-server, accepts and
 * counts) with the same number of connections and no database. `--rate 0` (the default) sets the hub's rate
 * limit to its highest, to measure capacity. `--profile DIR` writes CPU and heap profiles of both senders there.
 *
 * The hub's time is its whole job for the issue, listing the recipients included; the reference only sends.
 * Memory is the sender process's peak RSS (the kernel's high-water mark, start-up included: loading Payload
 * and the editor is much of it). Linearity is seconds per 1,000 subscribers: the goal is that the largest size
 * costs at most 1.25x per subscriber what 10,000 do. It ends with the shared table (bench/table.ts).
 */
import type { ChildProcess } from 'node:child_process'

import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { BenchRow } from './table'

import { megabytes, perSecond, reportRows } from './table'

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

/** Seeds the database named by the environment: subscribers in bulk, two published updates, one issue sending. */
const runSeed = async () => {
  const { bootPayload } = await import('../src/server/boot')
  const { seedSubscribers, publishedUpdate, draftIssue, startIssue } = await import('../tests/helpers/newsletter')
  const payload = await bootPayload({ cron: false })
  const started = performance.now()
  await seedSubscribers({ count: argument('subscribers', 10_000), payload, prefix: 'reader', topics: ['network-updates'] })
  const seedMs = performance.now() - started
  const items = [
    await publishedUpdate({ payload, title: 'Foot care pathway' }),
    await publishedUpdate({ payload, title: 'Structured education places' }),
  ]
  const issue = await draftIssue({
    items: items.map((item) => item.id),
    payload,
    subject: 'Network news, November',
    topic: 'network-updates',
  })
  await startIssue({ id: issue.id, payload })
  await payload.destroy()
  process.send!({ issueId: issue.id, seedMs, type: 'seeded' })
}

/** The hub's sender on the prepared database, until the issue is sent. */
const runSender = async () => {
  const { bootPayload } = await import('../src/server/boot')
  const { queueRecipients } = await import('../src/lib/newsletter/recipients')
  const { runNewsletterSender } = await import('../src/lib/newsletter/sender')
  const { loadIssueContent, personalise, renderIssueTemplate } = await import('../src/lib/newsletter/render')
  const { listHeaders } = await import('../src/lib/newsletter/sender')
  const { boundHeapGrowth } = await import('../src/lib/runtime/heap-growth')
  const payload = await bootPayload({ cron: false })
  const issueId = Number(process.env.BENCH_ISSUE)
  const issue = await payload.findByID({ collection: 'newsletters', id: issueId, overrideAccess: true })
  const content = await loadIssueContent({ issue, payload })
  const sample = personalise({
    links: {
      manage: `${content.origin}/newsletter/preferences?token=${'x'.repeat(80)}`,
      unsubscribe: `${content.origin}/newsletter/unsubscribe?token=${'x'.repeat(80)}`,
    },
    template: renderIssueTemplate({ content }),
  })
  const headers = listHeaders({
    oneClick: `${content.origin}/api/subscribers/unsubscribe?token=${'x'.repeat(80)}`,
    siteName: content.siteName,
    topic: issue.topic,
    unsubscribeMailbox: 'no-reply@diabetes-hub.local',
  })
  fs.writeFileSync(process.env.BENCH_SAMPLE!, JSON.stringify({ ...sample, headers, subject: issue.subject } satisfies Sample))

  // Memory while listing and sending, after start-up (loading Payload and the editor is most of the process's peak).
  const memory = memorySampler()
  const rssBefore = process.memoryUsage().rss
  const cpuBefore = process.cpuUsage()
  const listStarted = performance.now()
  // Listed here to time it apart from sending, under the same heap bound as runNewsletterSender lists under.
  const releaseHeap = boundHeapGrowth()
  const recipients = await queueRecipients({ issueId, payload })
  releaseHeap()
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
  const cpu = process.cpuUsage(cpuBefore)
  process.send!({
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapPeak: heap,
    listMs,
    processRssPeak: peakRss(),
    recipients,
    rssBefore,
    rssPeak: rss,
    sendMs,
    sent,
    type: 'done',
  })
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
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    maxConnections: connections,
    maxMessages: 1000,
    pool: true,
    port: Number(process.env.BENCH_PORT),
    secure: false,
  })
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
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
  const cpu = process.cpuUsage(cpuBefore)
  process.send!({
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapPeak: heap,
    processRssPeak: peakRss(),
    rssBefore,
    rssPeak: rss,
    sendMs,
    sent: count,
    type: 'done',
  })
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

const child = ({
  args = [],
  entry,
  env,
  execArgv = [],
  role: childRole,
}: {
  args?: string[]
  entry: string
  env: Record<string, string>
  execArgv?: string[]
  role: string
}): ChildProcess =>
  fork(entry, ['--role', childRole, ...args], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })

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

type Result = {
  cpuMs: number
  heapPeak: number
  listMs?: number
  processRssPeak: number
  recipients?: number
  rssBefore: number
  rssPeak: number
  sendMs: number
  sent: number
}
type Run = { hub: Result; hubReceived: number; reference: Result; referenceReceived: number; subscribers: number }

/** The hub's whole job for an issue, from listing its recipients to the last answer, in seconds. */
const hubSeconds = (result: Result) => ((result.listMs ?? 0) + result.sendMs) / 1000
const referenceSeconds = (result: Result) => result.sendMs / 1000
const thousands = (count: number) => (count >= 1000 ? `${count / 1000}k` : String(count))

/** One sender's line of the console table; `list` is blank for the reference, which lists nothing. */
const tableRow = ({
  list,
  received,
  result,
  run,
  seconds,
}: {
  list: string
  received: number
  result: Result
  run: string
  seconds: number
}) => ({
  run,
  'accepted by sink': received,
  'messages/s': (result.sent / seconds).toFixed(0),
  'list s': list,
  'send s': (result.sendMs / 1000).toFixed(1),
  'CPU ms/msg': (result.cpuMs / result.sent).toFixed(2),
  'RSS before MB': mb(result.rssBefore),
  'peak RSS sending MB': mb(result.rssPeak),
  'peak heap sending MB': mb(result.heapPeak),
  'process peak RSS MB': mb(result.processRssPeak),
})

/** Seeds a fresh database with `subscribers` and one issue, then runs the hub's sender and the reference on it. */
const runSize = async ({
  connections,
  entry,
  rate,
  sink,
  subscribers,
}: {
  connections: number
  entry: string
  rate: number
  sink: ChildProcess
  subscribers: number
}): Promise<Run> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-newsletter-'))
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, 'hub.db')}`,
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'warn',
    // The highest rate the settings accept, far above what one sender reaches here: capacity is measured.
    NEWSLETTER_RATE_PER_SECOND: String(rate > 0 ? rate : 10_000),
    NEWSLETTER_SMTP_CONNECTIONS: String(connections),
    PAYLOAD_SECRET: randomBytes(16).toString('hex'),
    PUBLIC_URL: 'https://hub.example.nhs.uk',
  }
  const seeder = child({ entry, env, role: 'seed', args: ['--subscribers', String(subscribers)] })
  const { issueId, seedMs } = await nextMessage<{ issueId: number; seedMs: number }>(seeder, 'seeded')
  console.log(`${subscribers.toLocaleString('en-GB')} subscribers seeded in ${(seedMs / 1000).toFixed(1)} s`)

  const { port } = await sinkPort(sink)
  const smtpEnv = {
    ...env,
    BENCH_SAMPLE: path.join(dataDir, 'sample.json'),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    SMTP_SECURE: 'false',
  }
  const countAtSink = async () => {
    sink.send({ type: 'count' })
    return (await nextMessage<{ received: number }>(sink, 'count')).received
  }
  sink.send({ type: 'reset' })
  const profile = (name: string) => {
    if (!profileDir) return []
    const dir = path.join(profileDir, `${name}-${subscribers}`)
    return ['--cpu-prof', '--cpu-prof-dir', dir, '--heap-prof', '--heap-prof-dir', dir]
  }
  const hub = await nextMessage<Result>(
    child({ entry, env: { ...smtpEnv, BENCH_ISSUE: String(issueId) }, execArgv: [...profile('hub'), ...senderFlags], role: 'sender' }),
    'done',
  )
  const hubReceived = await countAtSink()
  sink.send({ type: 'reset' })
  const reference = await nextMessage<Result>(
    child({
      entry,
      env: { ...smtpEnv, BENCH_CONNECTIONS: String(connections), BENCH_COUNT: String(subscribers), BENCH_PORT: String(port) },
      execArgv: profile('reference'),
      role: 'reference',
    }),
    'done',
  )
  const referenceReceived = await countAtSink()
  fs.rmSync(dataDir, { force: true, recursive: true })

  console.table([
    tableRow({
      list: ((hub.listMs ?? 0) / 1000).toFixed(1),
      received: hubReceived,
      result: hub,
      run: 'hub sender',
      seconds: hubSeconds(hub),
    }),
    tableRow({
      list: '',
      received: referenceReceived,
      result: reference,
      run: 'raw nodemailer pool',
      seconds: referenceSeconds(reference),
    }),
  ])
  if (hubReceived !== subscribers || hub.sent !== subscribers) {
    console.error(`the sink received ${hubReceived} and the hub recorded ${hub.sent} sent, for ${subscribers} subscribers`)
    process.exitCode = 1
  }
  return { hub, hubReceived, reference, referenceReceived, subscribers }
}

/** The goal rows: throughput and memory at 10,000 (or the size nearest it), linearity from 10,000 to 50,000. */
const goalRows = (runs: Run[]): BenchRow[] => {
  const nearest = (count: number) =>
    runs.reduce((best, run) => (Math.abs(run.subscribers - count) < Math.abs(best.subscribers - count) ? run : best))
  const at = nearest(10_000)
  const rows: BenchRow[] = []
  for (const run of runs) {
    const hubRate = run.hub.sent / hubSeconds(run.hub)
    const referenceRate = run.reference.sent / referenceSeconds(run.reference)
    const goal = run === at
    rows.push({
      case: `newsletter throughput, ${thousands(run.subscribers)} subscribers (listing + sending)`,
      goal: goal ? '≥ 0.8x raw nodemailer' : '',
      hub: `${perSecond(hubRate, 'msg/s')} (list ${((run.hub.listMs ?? 0) / 1000).toFixed(1)} s, send ${(run.hub.sendMs / 1000).toFixed(1)} s)`,
      met: goal ? hubRate / referenceRate >= 0.8 : null,
      ratio: hubRate / referenceRate,
      reference: perSecond(referenceRate, 'msg/s'),
    })
  }
  for (const run of runs) {
    const peak = Math.max(run.hub.processRssPeak, run.hub.rssPeak)
    const goal = run === at
    rows.push({
      case: `sender peak RSS, ${thousands(run.subscribers)} subscribers`,
      goal: goal ? '≤ 250 MB' : '',
      hub: `${megabytes(peak)} (${megabytes(run.hub.rssBefore)} after start-up)`,
      met: goal ? peak <= 250 * 2 ** 20 : null,
      reference: megabytes(Math.max(run.reference.processRssPeak, run.reference.rssPeak)),
    })
  }
  const perThousand = (seconds: number, count: number) => seconds / (count / 1000)
  const sorted = [...runs].sort((a, b) => a.subscribers - b.subscribers)
  const largest = sorted.at(-1)!
  const describe = (seconds: (run: Run) => number) =>
    sorted.map((run) => `${thousands(run.subscribers)}: ${perThousand(seconds(run), run.subscribers).toFixed(2)}`).join(', ')
  const growth = perThousand(hubSeconds(largest.hub), largest.subscribers) / perThousand(hubSeconds(at.hub), at.subscribers)
  rows.push({
    case: 'linearity: seconds per 1,000 subscribers',
    goal: largest === at ? 'needs a size above 10k' : `${thousands(largest.subscribers)} within 1.25x of ${thousands(at.subscribers)}`,
    hub: `${describe((run) => hubSeconds(run.hub))} s`,
    met: largest === at ? null : growth <= 1.25,
    // Higher is better: 1.00 is perfectly linear, below it the largest run costs more per subscriber.
    ratio: 1 / growth,
    reference: `${describe((run) => referenceSeconds(run.reference))} s`,
  })
  return rows
}

/** Extra Node flags for the hub's sender only (`--sender-flags "--trace-gc"`). */
const senderFlags = (() => {
  const index = process.argv.indexOf('--sender-flags')
  return index > 0 ? process.argv[index + 1]!.split(/\s+/).filter(Boolean) : []
})()

const profileDir = (() => {
  const index = process.argv.indexOf('--profile')
  return index > 0 ? path.resolve(process.argv[index + 1]!) : undefined
})()

let sinkReady: Promise<{ port: number }> | undefined
const sinkPort = (sink: ChildProcess) => (sinkReady ??= nextMessage<{ port: number }>(sink, 'ready'))

const runMain = async () => {
  const index = process.argv.indexOf('--subscribers')
  const sizes = index > 0 ? process.argv[index + 1]!.split(',').map(Number) : [1_000, 10_000, 50_000]
  const connections = argument('connections', 2)
  const rate = argument('rate', 0)
  if (!sizes.length || sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error('--subscribers takes a comma-separated list of counts, e.g. 1000,10000,50000')
  console.log(
    `${sizes.join(', ')} confirmed subscribers, ${connections} SMTP connections, rate ${rate > 0 ? `${rate}/s` : 'unlimited'}, SQLite, Node ${process.version}, ${os.cpus().length} CPUs`,
  )
  const entry = await bundle()
  const sink = child({ entry, env: {}, role: 'sink' })
  void sinkPort(sink)
  const runs: Run[] = []
  try {
    for (const subscribers of sizes) runs.push(await runSize({ connections, entry, rate, sink, subscribers }))
  } finally {
    sink.kill()
  }
  reportRows(goalRows(runs))
}

if (role === 'sink') await runSink()
else if (role === 'seed') await runSeed()
else if (role === 'sender') await runSender()
else if (role === 'reference') await runReference()
else await runMain()
