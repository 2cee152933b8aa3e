import { build } from 'esbuild'
import path from 'node:path'

/** The Node entry points, bundled from TypeScript into `dist/` so they run on plain `node`. */
export const SERVER_ENTRIES = {
  backup: 'scripts/backup.ts',
  'db-copy': 'scripts/db-copy.ts',
  'import-questions': 'scripts/import-questions.ts',
  'import-redirects': 'scripts/import-redirects.ts',
  migrate: 'scripts/migrate.ts',
  'migrate-create': 'scripts/migrate-create.ts',
  reindex: 'scripts/reindex.ts',
  restore: 'scripts/restore.ts',
  seed: 'seed/run.ts',
  start: 'src/server/start.ts',
  worker: 'src/server/worker.ts',
} as const

export type ServerEntry = keyof typeof SERVER_ENTRIES

/** `outDir` (inside the project, so node_modules resolve) lets a test run its own copy without racing another build. */
export const serverEntryFile = ({ entry, outDir = 'dist', root }: { entry: ServerEntry; outDir?: string; root: string }): string =>
  path.join(root, outDir, `${entry}.js`)

/**
 * Bundles the hub's own code (dependencies stay in node_modules), so production processes run plain
 * JavaScript: no TypeScript loader in memory or on the start-up path. Takes under a second.
 */
export const buildServer = async ({ outDir = 'dist', root }: { outDir?: string; root: string }): Promise<void> => {
  await build({
    absWorkingDir: root,
    bundle: true,
    chunkNames: 'chunks/[name]-[hash]',
    entryPoints: Object.fromEntries(Object.entries(SERVER_ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
    format: 'esm',
    logLevel: 'warning',
    outdir: path.join(root, outDir),
    packages: 'external',
    platform: 'node',
    sourcemap: true,
    splitting: true,
    target: 'node20',
    tsconfig: path.join(root, 'tsconfig.json'),
  })
}
