// A second hub instance for the rate-limit tests: boots on the DATABASE_URL it is given, sends the questions
// in ASKS (JSON: [{ email, ip }]) one after another through the site form's code, prints the kind of each
// outcome as JSON and exits.
import { submitQuestion } from '../../src/lib/questions/submit'
import { bootPayload } from '../../src/server/boot'

const asks = JSON.parse(process.env.ASKS ?? '[]') as { email: string; ip: string }[]
const payload = await bootPayload({ cron: false })
const kinds: string[] = []
for (const { email, ip } of asks) {
  const form = new FormData()
  form.set('email', email)
  form.set('name', 'Second Instance')
  form.set('question', 'Asked through the second instance of the hub: is it counted with the first?')
  kinds.push((await submitQuestion({ form, ip, payload })).kind)
}
console.log(JSON.stringify({ kinds }))
await payload.destroy()
process.exit(0)
