import { bootPayload } from '../src/server/boot'

const payload = await bootPayload({ cron: false })
await payload.destroy()
process.exit(0)
