import fs from 'node:fs'
import path from 'node:path'

/**
 * A local, append-only record of what an outside server answered, written synchronously the moment the
 * answer arrives and before the database hears of it. A process that is killed leaves what it wrote in
 * the page cache, so whoever retries its work on this machine learns what was already accepted and does
 * not do it again. One file of JSON lines per name (a claim, a message) in `dir`; a line cut short by a
 * kill is ignored when read. A machine that loses power may lose the last entries, as may a retry on
 * another machine, which has no view of this one's files.
 */
export type Journal<T> = {
  append: (entry: T) => void
  /** Closes the file and keeps it, for a later reader. */
  close: () => void
  /** Closes the file and deletes it: its entries have reached the database. */
  remove: () => void
}

const fileFor = ({ dir, name }: { dir: string; name: string }): string => path.join(dir, `${name.replace(/[^\w-]/g, '_')}.jsonl`)

export const openJournal = <T>({ dir, name }: { dir: string; name: string }): Journal<T> => {
  fs.mkdirSync(dir, { mode: 0o700, recursive: true })
  const file = fileFor({ dir, name })
  const fd = fs.openSync(file, 'a', 0o600)
  let open = true
  const close = () => {
    if (open) fs.closeSync(fd)
    open = false
  }
  return {
    // writeSync: the entry is in the kernel before the caller goes on, whatever happens to this process next.
    append: (entry) => void fs.writeSync(fd, `${JSON.stringify(entry)}\n`),
    close,
    remove: () => {
      close()
      fs.rmSync(file, { force: true })
    },
  }
}

/** The entries written under `name`, oldest first; none when there is no such journal. */
export const readJournal = <T>({ dir, name }: { dir: string; name: string }): T[] => {
  let text: string
  try {
    text = fs.readFileSync(fileFor({ dir, name }), 'utf8')
  } catch {
    return []
  }
  return text.split('\n').flatMap((line) => {
    try {
      return line ? [JSON.parse(line) as T] : []
    } catch {
      return []
    }
  })
}

export const removeJournal = ({ dir, name }: { dir: string; name: string }): void => fs.rmSync(fileFor({ dir, name }), { force: true })

/** Names of journals in `dir` last written before `before` (left by a process that died after its last write). */
export const staleJournals = ({ before, dir }: { before: Date; dir: string }): string[] => {
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl') && fs.statSync(path.join(dir, name)).mtimeMs < before.getTime())
      .map((name) => name.replace(/\.jsonl$/, ''))
  } catch {
    return []
  }
}
