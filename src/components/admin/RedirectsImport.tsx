'use client'

import { Button } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { REDIRECTS_IMPORT_API } from '../../lib/routes'
import { postToHub } from './hub-client'

type Outcome = { created: number; unchanged: number } | { problems: string[] }

const send = async ({ file }: { file: File }): Promise<Outcome> => {
  const answer = await postToHub<{ created?: number; unchanged?: number }>({
    body: await file.text(),
    contentType: 'text/csv',
    url: REDIRECTS_IMPORT_API,
  })
  return answer.ok ? { created: answer.body.created ?? 0, unchanged: answer.body.unchanged ?? 0 } : { problems: answer.problems }
}

/** Above the redirects list: import a CSV of old addresses (`from,to,status`), all or nothing, with each problem by line. */
export const RedirectsImport = () => {
  const router = useRouter()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<null | Outcome>(null)
  return (
    <form
      className="redirects-import"
      onSubmit={async (event) => {
        event.preventDefault()
        if (!file) return setOutcome({ problems: ['Choose a CSV file first.'] })
        setBusy(true)
        const result = await send({ file })
        setBusy(false)
        setOutcome(result)
        if ('created' in result) router.refresh()
      }}
    >
      <label htmlFor="redirects-csv">Import redirects from a CSV file (columns: from, to, status)</label>
      <input accept=".csv,text/csv" id="redirects-csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} type="file" />
      <Button buttonStyle="secondary" disabled={busy} type="submit">
        Import
      </Button>
      {outcome && 'problems' in outcome ? (
        <div role="alert">
          <p>Nothing was imported:</p>
          <ul>
            {outcome.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : outcome ? (
        <p role="status">
          Imported {outcome.created} redirects{outcome.unchanged ? `; ${outcome.unchanged} were already there` : ''}.
        </p>
      ) : null}
    </form>
  )
}
