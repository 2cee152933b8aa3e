'use client'

import type { SelectFieldClientComponent } from 'payload'

import { Button, Link, useAuth, useConfig, useDocumentInfo, useField, useFormFields, useFormModified } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useState } from 'react'

import { CLINICAL_REVIEWERS, CONTENT_STAFF, hasRole } from '../../lib/access'
import { CLINICAL_REVIEWERS_API, signOffRoute } from '../../lib/routes'
import { signOffStatusLabel } from '../../lib/sign-off/constants'
import { useHubDocs } from './hub-client'
import { postSignOffStep } from './sign-off-client'

type Reviewer = { id: number | string; name?: null | string }

/**
 * The sign-off status as a workflow rather than a dropdown: it says where the page stands and offers the one
 * step the signed-in person can take (send for sign-off, or review), never a status they cannot set.
 */
export const SignOffPanel: SelectFieldClientComponent = ({ path }) => {
  const { value } = useField<string>({ path })
  const returnReason = useFormFields(([fields]) => fields['signOff.returnReason']?.value as string | undefined)
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const modified = useFormModified()
  const { config } = useConfig()
  const status = value ?? 'draft'
  const reviewHref = id ? formatAdminURL({ adminRoute: config.routes.admin, path: signOffRoute({ id }) }) : ''
  return (
    <div className="field-type sign-off-panel">
      <p>
        <strong>Sign-off status:</strong> {signOffStatusLabel(status)}
      </p>
      {status === 'returned' && returnReason ? (
        <p className="sign-off__text">
          <strong>The reviewer asked for changes:</strong> {returnReason}
        </p>
      ) : null}
      {!id ? (
        <p>Save the draft first; then send it for clinical sign-off.</p>
      ) : status === 'awaiting-sign-off' ? (
        <p>
          {hasRole({ roles: CLINICAL_REVIEWERS, user: user as never })
            ? 'Waiting for your decision. '
            : 'Waiting for a clinical reviewer. '}
          <Link href={reviewHref} prefetch={false}>
            {hasRole({ roles: CLINICAL_REVIEWERS, user: user as never }) ? 'Review and sign off' : 'See the changes and the preview'}
          </Link>
        </p>
      ) : hasRole({ roles: CONTENT_STAFF, user: user as never }) ? (
        <RequestForm blocked={modified} id={id} />
      ) : null}
    </div>
  )
}

const RequestForm = ({ blocked, id }: { blocked: boolean; id: number | string }) => {
  // The clinical reviewers an editor may name: staff read colleagues' names (not their addresses).
  const reviewers = useHubDocs<Reviewer>({ url: CLINICAL_REVIEWERS_API })
  const [note, setNote] = useState('')
  const [reviewer, setReviewer] = useState('')
  const [problem, setProblem] = useState<null | string>(null)
  const [busy, setBusy] = useState(false)
  const send = async () => {
    setBusy(true)
    const refused = await postSignOffStep({ body: { note, reviewer: reviewer || null }, id, step: 'request' })
    setBusy(false)
    setProblem(refused)
    // The edit view's form holds the old status: load the page again to show the new one.
    if (!refused) window.location.reload()
  }
  return (
    <div className="sign-off__form">
      {problem ? (
        <p className="sign-off__error" role="alert">
          {problem}
        </p>
      ) : null}
      <label htmlFor="sign-off-note">Note for the clinical reviewer</label>
      <textarea id="sign-off-note" onChange={(event) => setNote(event.target.value)} rows={3} value={note} />
      <label htmlFor="sign-off-reviewer">Reviewer</label>
      <select id="sign-off-reviewer" onChange={(event) => setReviewer(event.target.value)} value={reviewer}>
        <option value="">Any clinical reviewer</option>
        {reviewers.map((entry) => (
          <option key={entry.id} value={String(entry.id)}>
            {entry.name ?? `Account ${entry.id}`}
          </option>
        ))}
      </select>
      {blocked ? <p>Save your changes first: the reviewer reads the saved draft.</p> : null}
      <Button disabled={busy || blocked} onClick={() => void send()}>
        Send for clinical sign-off
      </Button>
    </div>
  )
}
