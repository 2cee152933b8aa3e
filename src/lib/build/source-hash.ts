import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

// Everything that changes what `next build` produces.
const INPUTS = ['src', 'collections', 'globals', 'payload.config.ts', 'next.config.ts', 'tsconfig.json', 'package-lock.json']

const listFiles = (entry: string): string[] => {
  if (!fs.existsSync(entry)) return []
  if (fs.statSync(entry).isFile()) return [entry]
  return fs.readdirSync(entry, { withFileTypes: true }).flatMap((dirent) => listFiles(path.join(entry, dirent.name)))
}

/** A content hash of the build inputs; a clone or checkout changes mtimes, not contents. */
export const sourceHash = ({ root }: { root: string }): string => {
  const hash = createHash('sha256')
  const files = INPUTS.flatMap((input) => listFiles(path.join(root, input))).sort()
  for (const file of files) {
    hash.update(path.relative(root, file))
    hash.update(fs.readFileSync(file))
  }
  return hash.digest('hex')
}

export const buildMarker = ({ root }: { root: string }) => path.join(root, '.next', 'hub-source.sha256')

export const buildIsCurrent = ({ root }: { root: string }): boolean => {
  try {
    return (
      fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.readFileSync(buildMarker({ root }), 'utf8').trim() === sourceHash({ root })
    )
  } catch {
    return false
  }
}
