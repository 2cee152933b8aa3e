/**
 * `npm run import:questions -- <file.json> [--publish]`: imports a saved UK Parliament written-questions
 * JSON file (no network). Prints what was created, updated and skipped, with the reason for each problem.
 */
import fs from 'node:fs'

import { exitOnInvalidEnvironment } from '../src/lib/env'
import { importWrittenQuestions } from '../src/lib/parliament/import'
import { bootPayload } from '../src/server/boot'

// A bad setting stops the command here, with one message naming it.
exitOnInvalidEnvironment()

const args = process.argv.slice(2)
const file = args.find((arg) => !arg.startsWith('--'))
if (!file) {
  console.error('Usage: npm run import:questions -- <file.json> [--publish]')
  process.exit(2)
}
let json: unknown
try {
  json = JSON.parse(fs.readFileSync(file, 'utf8'))
} catch (error) {
  console.error(`Cannot read ${file} as JSON: ${(error as Error).message}`)
  process.exit(2)
}
const payload = await bootPayload({ cron: false })
try {
  const result = await importWrittenQuestions({ json, payload, publish: args.includes('--publish') })
  console.log(`Created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}.`)
  for (const problem of result.problems) console.log(`Skipped: ${problem.message}`)
} finally {
  await payload.destroy()
}
process.exit(0)
