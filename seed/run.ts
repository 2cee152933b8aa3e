import { bootPayload } from '../src/server/boot'
import { seed } from './index'

// Under the start-up lock, so a seed run beside starting instances never duplicates their work.
const payload = await bootPayload({ cron: false, prepare: (booted) => seed({ log: (message) => console.log(message), payload: booted }) })
console.log('Seed complete.')
await payload.destroy()
process.exit(0)
