import type { SniffedType } from './file-types'

import { sniffFileType } from './detect'
import { EMPTY_FILE_MESSAGE, tooLargeMessage, wrongContentMessage } from './messages'

export type UploadCheck = { ok: false; reason: string } | { ok: true; type: SniffedType }

/**
 * Whether an upload may be stored. The declared mime type and file name are never trusted: the decision is
 * made on size and content alone, and the declared type only helps explain a rejection.
 */
export const checkUpload = ({
  accepted,
  data,
  declaredMimeType,
  maxBytes,
}: {
  accepted: readonly string[]
  data: Buffer
  declaredMimeType?: null | string
  maxBytes: number
}): UploadCheck => {
  if (data.length === 0) return { ok: false, reason: EMPTY_FILE_MESSAGE }
  if (data.length > maxBytes) return { ok: false, reason: tooLargeMessage({ bytes: data.length, maxBytes }) }
  const found = sniffFileType({ data })
  if (!found || !accepted.includes(found.mimeType)) {
    return { ok: false, reason: wrongContentMessage({ accepted, declaredMimeType, found }) }
  }
  return { ok: true, type: found }
}
