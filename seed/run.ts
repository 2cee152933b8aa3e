import { exitOnInvalidEnvironment } from '../src/lib/env'
import { bootPayload } from '../src/server/boot'
import { seed } from './index'

// A bad setting stops the command here, with one message naming it.
exitOnInvalidEnvironment()

// Under the start-up lock, so a seed run beside starting instances never duplicates their work.
const payload = await bootPayload({ cron: false, prepare: (booted) => seed({ log: (message) => console.log(message), payload: booted }) })
console.log('Seed complete.')
await payload.destroy()
process.exit(0)
