'use client'

import { Button } from '@payloadcms/ui'
import { useState } from 'react'

import { postSignOffStep } from './sign-off-client'

/** A clinical reviewer's decision on the draft they read (its version id guards against a draft changed meanwhile). */
export const SignOffDecision = ({ pageId, version }: { pageId: number | string; version: string }) => {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<null | string>(null)
  const [done, setDone] = useState<null | string>(null)
  const [busy, setBusy] = useState(false)
  const decide = async ({ body, outcome, step }: { body: Record<string, unknown>; outcome: string; step: 'approve' | 'return' }) => {
    setBusy(true)
    const refused = await postSignOffStep({ body: { ...body, version }, id: pageId, step })
    setBusy(false)
    setProblem(refused)
    if (!refused) setDone(outcome)
  }
  if (done) return <p role="status">{done}</p>
  return (
    <div>
      {problem ? (
        <p className="sign-off__error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="sign-off__form">
        <p>Signing off publishes this draft as it stands. You are confirming it is clinically sound.</p>
        <Button disabled={busy} onClick={() => decide({ body: {}, outcome: 'Signed off: the page is published.', step: 'approve' })}>
          Sign off and publish
        </Button>
      </div>
      <form
        className="sign-off__form"
        onSubmit={(event) => {
          event.preventDefault()
          void decide({ body: { reason }, outcome: 'Returned: the editor has been emailed your reason.', step: 'return' })
        }}
      >
        <label htmlFor="sign-off-reason">Or return it to the editor: what needs to change?</label>
        <textarea id="sign-off-reason" onChange={(event) => setReason(event.target.value)} rows={4} value={reason} />
        <Button buttonStyle="secondary" disabled={busy} type="submit">
          Return to the editor
        </Button>
      </form>
    </div>
  )
}
