import type { AdminViewServerProps } from 'payload'

import { Link } from '@payloadcms/ui'

import type { FieldChange } from '../../lib/sign-off/diff'
import type { User } from '../../payload-types'

import { CLINICAL_REVIEWERS, hasRole } from '../../lib/access'
import { adminRecordRoute, previewPath } from '../../lib/routes'
import { signOffStatusLabel } from '../../lib/sign-off/constants'
import { reviewState } from '../../lib/sign-off/workflow'
import { formatDateTimeShort } from '../../lib/site/format'
import { adminHref } from './links'
import { SignOffDecision } from './SignOffDecision'
import { isContentStaff, StaffViewShell } from './StaffViewShell'
import { ScrollTable } from './ScrollTable'

const nameOf = (user: unknown): string =>
  user && typeof user === 'object' ? ((user as User).name ?? `Account ${(user as User).id}`) : user ? `Account ${String(user)}` : ''

/**
 * Where a clinical reviewer decides: the draft rendered as the public will see it, what changed since the
 * published version word by word, and the decision (sign off and publish, or return with a reason).
 */
export const SignOffView = async (view: AdminViewServerProps) => {
  const heading = 'Clinical sign-off'
  if (!isContentStaff({ view })) return <StaffViewShell heading={heading} view={view} />
  const { req } = view.initPageResult
  const id = String((view.params?.segments as string[] | undefined)?.[1] ?? '')
  const state = await reviewState({ id, req })
  if (!state)
    return (
      <StaffViewShell heading={heading} view={view}>
        <p role="alert">There is no guidance page {id ? `with id ${id}` : 'named in the address'} that you may review.</p>
      </StaffViewShell>
    )
  const { changes, draft, draftVersion, published } = state
  const adminRoute = view.payload.config.routes.admin
  const signOff = draft.signOff
  const reviewer = hasRole({ roles: CLINICAL_REVIEWERS, user: req.user })
  const preview = previewPath({ collection: 'pages', id: draft.id })
  return (
    <StaffViewShell heading={`${heading}: ${draft.title}`} view={view}>
      <div className="sign-off">
        <dl className="sign-off__facts">
          <dt>Status</dt>
          <dd>{signOffStatusLabel(signOff?.status)}</dd>
          {signOff?.requestedBy ? (
            <>
              <dt>Sent for sign-off</dt>
              <dd>
                by {nameOf(signOff.requestedBy)} on {formatDateTimeShort(signOff.requestedAt)}
              </dd>
            </>
          ) : null}
          {signOff?.requestNote ? (
            <>
              <dt>Note to the reviewer</dt>
              <dd className="sign-off__text">{signOff.requestNote}</dd>
            </>
          ) : null}
          {signOff?.status === 'returned' && signOff.returnReason ? (
            <>
              <dt>Returned</dt>
              <dd className="sign-off__text">
                by {nameOf(signOff.returnedBy)} on {formatDateTimeShort(signOff.returnedAt)}: {signOff.returnReason}
              </dd>
            </>
          ) : null}
        </dl>
        <p>
          <Link href={adminHref({ adminRoute, path: adminRecordRoute({ collection: 'pages', id: draft.id }) })} prefetch={false}>
            Open the page in the editor
          </Link>
        </p>
        <h2>What changed</h2>
        <Changes changes={changes} published={Boolean(published)} />
        <h2>The draft as the public will see it</h2>
        <p>
          <a href={preview} rel="noopener" target="_blank">
            Open the preview in a new tab
          </a>
        </p>
        <iframe className="sign-off__preview" src={preview} title={`Preview of the draft of ${draft.title}`} />
        <h2>Decision</h2>
        {reviewer ? (
          signOff?.status === 'awaiting-sign-off' ? (
            <SignOffDecision pageId={draft.id} version={draftVersion ?? ''} />
          ) : (
            <p>This page is not awaiting sign-off: the editor sends it when the draft is ready.</p>
          )
        ) : (
          <p>Only a clinical reviewer signs off or returns guidance. You can read the draft and its changes here.</p>
        )}
      </div>
    </StaffViewShell>
  )
}

const Changes = ({ changes, published }: { changes: FieldChange[]; published: boolean }) => {
  if (!changes.length) return <p>The draft is the same as the published page.</p>
  return (
    <>
      <p>
        {published
          ? 'Words removed from the published page are struck through; words added in the draft are underlined.'
          : 'Nothing is published yet: all of this is new.'}
      </p>
      <ScrollTable label="Changes in the draft">
        <table cellPadding={0} cellSpacing={0}>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{change.label}</th>
                <td className="sign-off__text">
                  {change.parts.map((part, index) =>
                    part.change === 'added' ? (
                      <ins key={index}>{part.text}</ins>
                    ) : part.change === 'removed' ? (
                      <del key={index}>{part.text}</del>
                    ) : (
                      <span key={index}>{part.text}</span>
                    ),
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  )
}
