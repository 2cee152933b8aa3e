import fs from 'node:fs'
import path from 'node:path'

import { dataDir } from '../env'

/**
 * A sender's local record of each SMTP answer, written synchronously the moment it arrives, before the
 * database hears of it (the database is updated in groups, which is much faster). A process that is killed
 * leaves its journal in the page cache, so whoever recovers its claim on this machine learns exactly which
 * copies the server accepted and does not send those again. One file per claim, holding delivery ids and
 * outcomes only (no addresses), removed once the claim's outcomes are in the database.
 */
export type JournalEntry = {
  at: string
  id: number | string
  kind: 'bounced' | 'retry' | 'sent' | 'skipped'
  reason?: string
}

export const journalDir = (): string => path.join(dataDir(), 'newsletter-journal')

const fileFor = (claimId: string): string => path.join(journalDir(), `${claimId.replace(/[^\w-]/g, '_')}.jsonl`)

export type Journal = { append: (entry: JournalEntry) => void; remove: () => void }

export const openJournal = ({ claimId }: { claimId: string }): Journal => {
  fs.mkdirSync(journalDir(), { mode: 0o700, recursive: true })
  const file = fileFor(claimId)
  const fd = fs.openSync(file, 'a', 0o600)
  let open = true
  return {
    // writeSync: the entry is in the kernel before the next message starts, whatever happens to this process.
    append: (entry) => void fs.writeSync(fd, `${JSON.stringify(entry)}\n`),
    remove: () => {
      if (open) fs.closeSync(fd)
      open = false
      fs.rmSync(file, { force: true })
    },
  }
}

/** The entries a (dead) sender wrote for a claim; a line cut short by the kill is ignored. */
export const readJournal = ({ claimId }: { claimId: string }): JournalEntry[] => {
  let text: string
  try {
    text = fs.readFileSync(fileFor(claimId), 'utf8')
  } catch {
    return []
  }
  return text.split('\n').flatMap((line) => {
    try {
      return line ? [JSON.parse(line) as JournalEntry] : []
    } catch {
      return []
    }
  })
}

export const removeJournal = ({ claimId }: { claimId: string }): void => fs.rmSync(fileFor(claimId), { force: true })

/** Claim ids of journals last written before `before` (left by a sender that died after its last write). */
export const staleJournals = ({ before }: { before: Date }): string[] => {
  try {
    return fs
      .readdirSync(journalDir())
      .filter((name) => name.endsWith('.jsonl') && fs.statSync(path.join(journalDir(), name)).mtimeMs < before.getTime())
      .map((name) => name.replace(/\.jsonl$/, ''))
  } catch {
    return []
  }
}
