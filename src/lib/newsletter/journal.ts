import path from 'node:path'

import type { Journal } from '../jobs/journal'

import { dataDir } from '../env'
import {
  openJournal as openJournalFile,
  readJournal as readJournalFile,
  removeJournal as removeJournalFile,
  staleJournals as staleJournalFiles,
} from '../jobs/journal'

/**
 * A sender's journal of SMTP answers, one per claim (see ../jobs/journal): the database is updated in
 * groups, which is much faster, so after a kill the journal is what says which copies the server accepted.
 * It holds delivery ids and outcomes only (no addresses) and is removed once the claim's outcomes are in
 * the database.
 */
export type JournalEntry = {
  at: string
  id: number | string
  kind: 'bounced' | 'retry' | 'sent' | 'skipped'
  reason?: string
}

export const journalDir = (): string => path.join(dataDir(), 'newsletter-journal')

export const openJournal = ({ claimId }: { claimId: string }): Journal<JournalEntry> =>
  openJournalFile<JournalEntry>({ dir: journalDir(), name: claimId })

export const readJournal = ({ claimId }: { claimId: string }): JournalEntry[] =>
  readJournalFile<JournalEntry>({ dir: journalDir(), name: claimId })

export const removeJournal = ({ claimId }: { claimId: string }): void => removeJournalFile({ dir: journalDir(), name: claimId })

/** Claim ids of journals last written before `before` (left by a sender that died after its last write). */
export const staleJournals = ({ before }: { before: Date }): string[] => staleJournalFiles({ before, dir: journalDir() })
