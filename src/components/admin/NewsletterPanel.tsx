'use client'

import { Button, useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { canManageNewsletter } from '../../lib/access'

type Stats = {
  bounced: number
  failed: number
  queued: number
  recipients: number
  sent: number
  sentAt: null | string
  skipped: number
  status: string
  unsubscribesSince: number
}
type Preview = { html: string; missing: unknown[]; subject: string; text: string }
type Message = { kind: 'error' | 'info'; text: string }

const errorText = async (response: Response): Promise<string> => {
  const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null
  return body?.errors?.map((error) => error.message).join(' ') || `The request failed (${response.status}).`
}

const STAT_LABELS: [keyof Stats, string][] = [
  ['recipients', 'Recipients'],
  ['sent', 'Sent'],
  ['queued', 'Still to send'],
  ['failed', 'Failed'],
  ['bounced', 'Bounced'],
  ['skipped', 'Skipped'],
  ['unsubscribesSince', 'Unsubscribes since'],
]

/**
 * The issue's sending panel in the admin: preview (HTML and plain text, with sample links), a test copy to
 * yourself, send now or schedule, and the figures once it has gone. Every action is an endpoint that
 * checks the user's rights itself; this panel only shows what it answers.
 */
export const NewsletterPanel = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { user } = useAuth()
  const router = useRouter()
  const base = `${config.routes.api}/newsletters/${id}`
  const [stats, setStats] = useState<null | Stats>(null)
  const [preview, setPreview] = useState<null | Preview>(null)
  const [message, setMessage] = useState<Message | null>(null)
  const [busy, setBusy] = useState(false)
  const [when, setWhen] = useState('')

  const loadStats = useCallback(async () => {
    if (!id) return
    const response = await fetch(`${base}/stats`, { credentials: 'include' })
    if (response.ok) setStats((await response.json()) as Stats)
  }, [base, id])

  useEffect(() => {
    void loadStats()
    if (stats?.status !== 'sending') return
    // While sending, the figures move: refresh them every few seconds.
    const timer = setInterval(() => void loadStats(), 5000)
    return () => clearInterval(timer)
  }, [loadStats, stats?.status])

  if (!id) return <p>Save the issue to preview, test and send it.</p>

  const act = async ({
    body,
    confirm,
    done,
    path,
  }: {
    body?: unknown
    confirm?: string
    done: (json: Record<string, unknown>) => string
    path: string
  }) => {
    if (confirm && !window.confirm(confirm)) return
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`${base}/${path}`, {
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        method: 'POST',
      })
      if (!response.ok) setMessage({ kind: 'error', text: await errorText(response) })
      else {
        setMessage({ kind: 'info', text: done((await response.json()) as Record<string, unknown>) })
        await loadStats()
        router.refresh()
      }
    } finally {
      setBusy(false)
    }
  }

  const showPreview = async () => {
    setMessage(null)
    const response = await fetch(`${base}/preview?format=json`, { credentials: 'include' })
    if (!response.ok) setMessage({ kind: 'error', text: await errorText(response) })
    else setPreview((await response.json()) as Preview)
  }

  // The endpoints decide; the panel only leaves out what would be refused.
  const editable = canManageNewsletter(user as never) && (!stats || stats.status === 'draft' || stats.status === 'scheduled')
  return (
    <section
      aria-labelledby="newsletter-panel-heading"
      className="newsletter-panel"
      style={{ border: '1px solid var(--theme-elevation-150)', marginBottom: 'var(--base)', padding: 'var(--base)' }}
    >
      <h3 id="newsletter-panel-heading">Preview and send</h3>
      <p>Save your changes first: the preview, the test and the send use the saved issue.</p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) / 2)' }}>
        <Button buttonStyle="secondary" disabled={busy} onClick={() => void showPreview()} size="small">
          Preview
        </Button>
        <Button
          buttonStyle="secondary"
          disabled={busy}
          onClick={() => void act({ done: (json) => `A test copy was sent to ${json.sentTo}.`, path: 'test' })}
          size="small"
        >
          Send a test to me
        </Button>
        {editable ? (
          <Button
            disabled={busy}
            onClick={() =>
              void act({
                confirm: 'Send this issue to every confirmed subscriber of its topic now?',
                done: () => 'Sending has started.',
                path: 'send',
              })
            }
            size="small"
          >
            Send now
          </Button>
        ) : null}
      </div>
      {editable ? (
        <div style={{ alignItems: 'end', display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) / 2)', marginTop: 'var(--base)' }}>
          <label>
            Send at (your local time) <input onChange={(event) => setWhen(event.target.value)} type="datetime-local" value={when} />
          </label>
          <Button
            buttonStyle="secondary"
            disabled={busy || !when}
            onClick={() =>
              void act({
                body: { at: new Date(when).toISOString() },
                done: (json) => `Scheduled for ${new Date(String(json.scheduledFor)).toLocaleString()}.`,
                path: 'schedule',
              })
            }
            size="small"
          >
            Schedule
          </Button>
          {stats?.status === 'scheduled' ? (
            <Button
              buttonStyle="secondary"
              disabled={busy}
              onClick={() => void act({ done: () => 'The issue is a draft again.', path: 'unschedule' })}
              size="small"
            >
              Cancel schedule
            </Button>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          style={{ color: message.kind === 'error' ? 'var(--theme-error-500)' : undefined }}
        >
          {message.text}
        </p>
      ) : null}
      {stats && stats.recipients > 0 ? (
        <table style={{ marginTop: 'var(--base)' }}>
          <caption style={{ textAlign: 'left' }}>Delivery</caption>
          <tbody>
            {STAT_LABELS.map(([key, label]) => (
              <tr key={key}>
                <th scope="row" style={{ paddingRight: 'var(--base)', textAlign: 'left' }}>
                  {label}
                </th>
                <td>{String(stats[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview ? (
        <div style={{ marginTop: 'var(--base)' }}>
          {preview.missing.length ? (
            <p role="alert">
              {preview.missing.length} item(s) are left out because the public cannot read them. Remove them or publish them before sending.
            </p>
          ) : null}
          <h4>HTML</h4>
          <iframe
            sandbox=""
            srcDoc={preview.html}
            style={{ background: '#fff', border: '1px solid var(--theme-elevation-150)', height: 600, width: '100%' }}
            title="HTML preview of the email"
          />
          <h4>Plain text</h4>
          <pre style={{ maxHeight: 400, overflow: 'auto', whiteSpace: 'pre-wrap' }}>{preview.text}</pre>
        </div>
      ) : null}
    </section>
  )
}
