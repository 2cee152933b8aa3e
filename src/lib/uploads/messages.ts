/**
 * What an uploader is told when a file is refused. Types are named as people know them ("a Word
 * document"), never as mime types, and the declared type, which the client chose, is only echoed back
 * cleaned.
 */
import type { SniffedType } from './file-types'

import { typeForMime } from './file-types'
import { formatBytes } from './labels'

/** "a PDF, Word or Excel file": the accepted types as people know them, not as mime types. */
const describeAccepted = ({ accepted }: { accepted: readonly string[] }): string => {
  const kinds = [...new Set(accepted.map((mimeType) => typeForMime({ mimeType })?.kind ?? mimeType))]
  if (!kinds.length) return 'an accepted file'
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`
  return `${/^[aeiou]/i.test(list) ? 'an' : 'a'} ${list} file`
}

/** The declared type comes from the client: keep it printable and short before echoing it back. */
const declaredSuffix = ({ declaredMimeType }: { declaredMimeType?: null | string }): string => {
  const clean = (declaredMimeType ?? '')
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
    .slice(0, 100)
  return clean ? ` (it was uploaded as ${clean})` : ''
}

export const EMPTY_FILE_MESSAGE = 'The file is empty.'

export const tooLargeMessage = ({ bytes, maxBytes }: { bytes: number; maxBytes: number }): string => {
  const size = formatBytes({ bytes })
  const limit = formatBytes({ bytes: maxBytes })
  // Just over the limit both round to the same figure; "10 MB; the limit is 10 MB" would read as a bug.
  return size === limit ? `The file is larger than the ${limit} limit.` : `The file is ${size}; the limit is ${limit}.`
}

/**
 * Why content is refused: `found` is what it turned out to be (null when not recognised at all), which is
 * not among `accepted`.
 */
export const wrongContentMessage = ({
  accepted,
  declaredMimeType,
  found,
}: {
  accepted: readonly string[]
  declaredMimeType?: null | string
  found: null | SniffedType
}): string => {
  const wanted = describeAccepted({ accepted })
  const suffix = declaredSuffix({ declaredMimeType })
  if (!found) return `The file's content is not ${wanted}${suffix}.`
  const what = typeForMime({ mimeType: found.mimeType })?.description ?? found.label
  return `The file's content is ${what}, not ${wanted}${suffix}.`
}
