'use client'

import { useEffect, useState } from 'react'

/** Copies the page address; without JavaScript the address itself is shown as a link to copy by hand. */
export const CopyLinkButton = ({ url }: { url: string }) => {
  const [copied, setCopied] = useState(false)
  const [enhanced, setEnhanced] = useState(false)
  useEffect(() => setEnhanced(Boolean(navigator.clipboard)), [])
  if (!enhanced) {
    return (
      <span>
        Page address: <a href={url}>{url}</a>
      </span>
    )
  }
  return (
    <>
      <button
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
        onClick={() => navigator.clipboard.writeText(url).then(() => setCopied(true))}
        type="button"
      >
        Copy link
      </button>
      <span aria-live="polite" className="nhsuk-u-margin-left-2">
        {copied ? 'Link copied' : ''}
      </span>
    </>
  )
}
