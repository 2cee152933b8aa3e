'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * Inside the admin's Live Preview, re-renders the preview on the server each time the editor saves: the page is
 * server-rendered, so it reloads its data rather than merging the form's unsaved state. Written here, speaking
 * Payload's Live Preview messages, because @payloadcms/live-preview-react is not published at the hub's Payload
 * version and Payload refuses mixed versions at start-up.
 */
export const RefreshOnSave = () => {
  const router = useRouter()
  useEffect(() => {
    // The admin and the site share one origin: only its own messages count.
    const origin = window.location.origin
    const onMessage = (event: MessageEvent) => {
      const data = event.data as null | { type?: unknown }
      if (event.origin === origin && data && typeof data === 'object' && data.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    // Tells the admin the preview is listening (a popup reports to its opener, an iframe to its parent).
    const host = window.opener ?? (window.parent !== window ? window.parent : null)
    host?.postMessage({ ready: true, type: 'payload-live-preview' }, origin)
    return () => window.removeEventListener('message', onMessage)
  }, [router])
  return null
}
