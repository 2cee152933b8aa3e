/**
 * How a stored file is described next to its link ("PDF, 1.8 MB"). Used by site pages, so it stays free of
 * the parsers and upload checks.
 */
import { typeForMime } from './file-types'

/** A file size the way GOV.UK writes it: bytes under 1 KB, whole KB, then MB and GB to one decimal place. */
export const formatBytes = ({ bytes }: { bytes: number }): string => {
  const n = Number.isFinite(bytes) && bytes > 0 ? Math.floor(bytes) : 0
  if (n === 1) return '1 byte'
  if (n < 1024) return `${n} bytes`
  const kb = Math.round(n / 1024)
  if (kb < 1024) return `${kb} KB`
  // "10 MB", not "10.0 MB".
  const oneDecimal = (value: number) => value.toFixed(1).replace(/\.0$/, '')
  const mb = n / 1024 ** 2
  if (Number(mb.toFixed(1)) < 1024) return `${oneDecimal(mb)} MB`
  return `${oneDecimal(n / 1024 ** 3)} GB`
}

/** The label shown next to a download link, e.g. "PDF, 1.8 MB". */
export const formatFileLabel = ({ bytes, mimeType }: { bytes: number; mimeType: string }): string =>
  `${typeForMime({ mimeType })?.label ?? 'File'}, ${formatBytes({ bytes })}`
