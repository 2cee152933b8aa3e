import type { Organisations, People } from './contacts'
import type { LibraryEntries } from './documents'
import type { SeedArgs } from './shared'

/** What earlier seed steps made and later ones link to: the library's entries, organisations and people. */
export type SeedShared = { library: LibraryEntries; organisations: Organisations; people: People }

/**
 * What a content step that links to contacts and library entries takes (governance, updates): the seed's own
 * arguments with the shared ids; no library when no document was seeded.
 */
export type LinkingSeedArgs = SeedArgs & Omit<SeedShared, 'library'> & { library?: LibraryEntries }

/**
 * One capability's part of the starting content, added by its plugin (src/plugins). Steps run by stage
 * (1: what others link to; 2: content; 3: navigation), in plugin order within a stage, so a hub seeds only
 * what its capabilities hold.
 */
export type SeedStep = { name: string; run: (args: SeedArgs & { shared: SeedShared }) => Promise<void>; stage: 1 | 2 | 3 }

/** The steps the plugins registered (server-only `custom` on the config). */
export const seedStepsOf = (config: { custom?: Record<string, unknown> }): SeedStep[] =>
  (config.custom?.seedSteps as SeedStep[] | undefined) ?? []
