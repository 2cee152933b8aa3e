import { bootPayload } from '../src/server/boot'
import { seed } from './index'

const payload = await bootPayload({ cron: false })
try {
  await seed({ log: (message) => console.log(message), payload })
  console.log('Seed complete.')
} finally {
  await payload.destroy()
}
process.exit(0)
