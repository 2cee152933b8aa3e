/**
 * `npm run import:redirects -- <file.csv>`: imports old addresses and where each leads (header `from,to,status`).
 * All or nothing: any problem is printed with its line, nothing is created, and the command exits with 1.
 */
import fs from 'node:fs'

import { exitOnInvalidEnvironment } from '../src/lib/env'
import { importRedirects } from '../src/lib/redirects/csv'
import { bootPayload } from '../src/server/boot'

exitOnInvalidEnvironment()

const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'))
if (!file) {
  console.error('Usage: npm run import:redirects -- <file.csv>')
  process.exit(2)
}
let csv: string
try {
  csv = fs.readFileSync(file, 'utf8')
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`)
  process.exit(2)
}
const payload = await bootPayload({ cron: false })
const result = await importRedirects({ csv, payload }).finally(() => payload.destroy())
for (const problem of result.problems) console.error(`Line ${problem.line} (${problem.field}): ${problem.message}`)
console.log(result.problems.length ? 'Nothing was imported.' : `Created ${result.created}, unchanged ${result.unchanged}.`)
process.exit(result.problems.length ? 1 : 0)
