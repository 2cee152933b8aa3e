import { useEffect, useState } from 'react'

/** What a POST from an admin panel got back: the hub's JSON answer, or the problems to show the person. */
export type HubAnswer<T> = { body: T; ok: true } | { ok: false; problems: string[] }

/**
 * POSTs to the hub as the signed-in person (their session cookie). A refusal comes back as the hub's own words
 * (each error's message), else its status; a network failure as a sentence saying so. JSON by default.
 */
export const postToHub = async <T = Record<string, unknown>>({
  body,
  contentType = 'application/json',
  url,
}: {
  body?: string
  contentType?: string
  url: string
}): Promise<HubAnswer<T>> => {
  try {
    const response = await fetch(url, {
      body,
      credentials: 'same-origin',
      headers: body === undefined ? undefined : { 'content-type': contentType },
      method: 'POST',
    })
    const answer = (await response.json().catch(() => null)) as null | (T & { errors?: { message?: string }[] })
    if (response.ok) return { body: (answer ?? {}) as T, ok: true }
    const problems = (answer?.errors ?? []).map((error) => error.message ?? '').filter(Boolean)
    return { ok: false, problems: problems.length ? problems : [`The hub refused the request (${response.status}).`] }
  } catch {
    return { ok: false, problems: ['The hub could not be reached. Check your connection and try again.'] }
  }
}

/** The documents a list address of the hub's API answers with, read once as the signed-in person; none on failure. */
export const useHubDocs = <T>({ url }: { url: string }): T[] => {
  const [docs, setDocs] = useState<T[]>([])
  useEffect(() => {
    fetch(url, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((answer: { docs?: T[] }) => setDocs(answer.docs ?? []))
      .catch(() => setDocs([]))
  }, [url])
  return docs
}
