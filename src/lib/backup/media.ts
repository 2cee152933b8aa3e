import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

export type MediaFile = { path: string; sha256: string; size: number }

const sha256Of = async (file: string): Promise<string> => {
  const hash = createHash('sha256')
  await pipeline(fs.createReadStream(file), hash)
  return hash.digest('hex')
}

/**
 * Every regular file under `dir` with its size and SHA-256, paths relative to `dir` with forward slashes, sorted.
 * Symbolic links and other special files are left out: uploads are plain files. A missing folder has none.
 */
export const listMediaFiles = async ({ dir }: { dir: string }): Promise<MediaFile[]> => {
  const files: MediaFile[] = []
  const walk = async (relative: string): Promise<void> => {
    let entries: fs.Dirent[]
    try {
      entries = await fs.promises.readdir(path.join(dir, relative), { withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && relative === '') return
      throw error
    }
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(child)
      else if (entry.isFile()) {
        const absolute = path.join(dir, child)
        files.push({ path: child, sha256: await sha256Of(absolute), size: (await fs.promises.stat(absolute)).size })
      }
    }
  }
  await walk('')
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Problems between what a manifest lists and what is in `dir`: missing, changed or unexpected files. */
export const mediaDifferences = async ({ dir, expected }: { dir: string; expected: MediaFile[] }): Promise<string[]> => {
  const found = new Map((await listMediaFiles({ dir })).map((file) => [file.path, file]))
  const problems: string[] = []
  for (const file of expected) {
    const actual = found.get(file.path)
    if (!actual) problems.push(`media/${file.path} is missing`)
    else if (actual.size !== file.size || actual.sha256 !== file.sha256) problems.push(`media/${file.path} differs from the manifest`)
    found.delete(file.path)
  }
  for (const extra of found.keys()) problems.push(`media/${extra} is not in the manifest`)
  return problems
}
