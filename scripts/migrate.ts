import { exitOnInvalidEnvironment } from '../src/lib/env'
import { bootPayload } from '../src/server/boot'

// A bad setting stops the command here, with one message naming it.
exitOnInvalidEnvironment()

const payload = await bootPayload({ cron: false })
await payload.destroy()
process.exit(0)
