'use client'

import type { UIFieldClientComponent } from 'payload'

import { Button, Link, useAuth, useConfig, useDocumentInfo, useFormFields, useFormModified } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useState } from 'react'

import { DESK, hasRole } from '../../lib/access'
import { PUBLISHED_QUESTION_MAX } from '../../lib/questions-and-answers/constants'
import { adminRecordRoute, CARE_AREA_CHOICES_API, proposeAnswerApi } from '../../lib/routes'
import { postToHub, useHubDocs } from './hub-client'

type CareAreaChoice = { id: number | string; title?: null | string }

const idOf = (value: unknown): string =>
  value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : value ? String(value) : ''

/**
 * On an answered question: the desk proposes it for publication, as it should read in public (edited, nothing that
 * says who asked), when the asker agreed. Once proposed it links to the draft, where an editor takes over.
 */
export const ProposeAnswer: UIFieldClientComponent = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const modified = useFormModified()
  const values = useFormFields(([fields]) => ({
    answer: fields.answer?.value as string | undefined,
    careArea: fields.careArea?.value,
    consent: Boolean(fields.publicationConsent?.value),
    proposedAs: fields.publishedAs?.value,
    question: fields.question?.value as string | undefined,
  }))
  if (!id || !hasRole({ roles: DESK, user: user as never })) return null
  const proposed = idOf(values.proposedAs)
  const href = (target: string) =>
    formatAdminURL({ adminRoute: config.routes.admin, path: adminRecordRoute({ collection: 'questions-and-answers', id: target }) })
  return (
    <div className="field-type propose-answer">
      <h3>Propose for publication</h3>
      {proposed ? (
        <p>
          Proposed as a published answer.{' '}
          <Link href={href(proposed)} prefetch={false}>
            Open the proposed answer
          </Link>
        </p>
      ) : !values.consent ? (
        <p>The asker did not agree to their question being published, so it cannot be proposed.</p>
      ) : (
        <ProposeForm
          blocked={modified}
          defaults={{
            answer: values.answer ?? '',
            careArea: idOf(values.careArea),
            question: (values.question ?? '').slice(0, PUBLISHED_QUESTION_MAX),
          }}
          id={id}
          onProposed={(target) => window.location.assign(href(target))}
        />
      )}
    </div>
  )
}

type Defaults = { answer: string; careArea: string; question: string }

const ProposeForm = ({
  blocked,
  defaults,
  id,
  onProposed,
}: {
  blocked: boolean
  defaults: Defaults
  id: number | string
  onProposed: (id: string) => void
}) => {
  const areas = useHubDocs<CareAreaChoice>({ url: CARE_AREA_CHOICES_API })
  const [question, setQuestion] = useState(defaults.question)
  const [answer, setAnswer] = useState(defaults.answer)
  const [careArea, setCareArea] = useState(defaults.careArea)
  const [clinical, setClinical] = useState(false)
  const [problem, setProblem] = useState<null | string>(null)
  const [busy, setBusy] = useState(false)
  const send = async () => {
    setBusy(true)
    const sent = await postToHub<{ id: number | string }>({
      body: JSON.stringify({ answer, careArea: careArea || null, givesClinicalInformation: clinical, question }),
      url: proposeAnswerApi({ id }),
    })
    setBusy(false)
    if (sent.ok) onProposed(String(sent.body.id))
    else setProblem(sent.problems[0]!)
  }
  return (
    <div className="sign-off__form">
      <p>
        Edit the question and answer as the public should read them. Take out anything that says who asked: their name, email address,
        telephone number, organisation or job title. An editor publishes it; a clinical reviewer if it gives clinical information.
      </p>
      {problem ? (
        <p className="sign-off__error" role="alert">
          {problem}
        </p>
      ) : null}
      <label htmlFor="propose-question">Question as published</label>
      <textarea
        id="propose-question"
        maxLength={PUBLISHED_QUESTION_MAX}
        onChange={(event) => setQuestion(event.target.value)}
        rows={3}
        value={question}
      />
      <label htmlFor="propose-answer">Answer as published</label>
      <textarea id="propose-answer" onChange={(event) => setAnswer(event.target.value)} rows={8} value={answer} />
      <label htmlFor="propose-care-area">Care area</label>
      <select id="propose-care-area" onChange={(event) => setCareArea(event.target.value)} value={careArea}>
        <option value="">Choose a care area</option>
        {areas.map((area) => (
          <option key={area.id} value={String(area.id)}>
            {area.title ?? `Care area ${area.id}`}
          </option>
        ))}
      </select>
      <label htmlFor="propose-clinical">
        <input checked={clinical} id="propose-clinical" onChange={(event) => setClinical(event.target.checked)} type="checkbox" /> The
        answer gives clinical information (a clinical reviewer signs it off)
      </label>
      {blocked ? <p>Save your changes to the question first.</p> : null}
      <Button disabled={busy || blocked} onClick={() => void send()}>
        Propose for publication
      </Button>
    </div>
  )
}
