// A second hub instance for tests: boots on the DATABASE_URL it is given, sends COUNT questions at once
// through the Local API as the public would, prints the references as JSON and exits.
import { bootPayload } from '../../src/server/boot'

const count = Number(process.env.COUNT || 10)
const payload = await bootPayload({ cron: false })
// Wait for the parent's signal, so both instances submit at the same moment.
console.log('ready')
await new Promise((resolve) => process.stdin.once('data', resolve))
const created = await Promise.all(
  Array.from({ length: count }, (_, n) =>
    payload.create({
      collection: 'questions',
      data: {
        email: `child-${n}@example.org`,
        name: `Child Asker ${n}`,
        question: `Question ${n} from the second instance, sent at once.`,
      } as never,
    }),
  ),
)
console.log(JSON.stringify({ references: created.map((doc) => doc.reference) }))
await payload.destroy()
process.exit(0)
