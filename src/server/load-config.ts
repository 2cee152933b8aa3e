import type { SanitizedConfig } from 'payload'

import type { OptionalCapability } from '../plugins'

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const isLexical = (name: string) => name === 'lexical' || name.startsWith('@lexical/')

type Manifest = { dependencies?: Record<string, string>; exports?: Record<string, unknown> | string }

// Read from disk: not every package exports its package.json.
const manifestOf = (name: string): Manifest => {
  const dir = (require.resolve.paths(name) ?? [])
    .map((base) => path.join(base, name))
    .find((candidate) => fs.existsSync(path.join(candidate, 'package.json')))
  if (!dir) throw new Error(`Cannot find the package ${name}`)
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest
}

// Helper packages without a root entry are only reached through the packages that use them.
const hasRootEntry = ({ exports }: Manifest) => !exports || typeof exports === 'string' || '.' in exports

/** Importable Lexical packages the editor depends on, dependencies before dependants. */
const lexicalLoadOrder = (): string[] => {
  const seen = new Set<string>()
  const ordered: string[] = []
  const visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    const manifest = manifestOf(name)
    for (const dependency of Object.keys(manifest.dependencies ?? {}).filter(isLexical)) visit(dependency)
    if (hasRootEntry(manifest)) ordered.push(name)
  }
  const editor = manifestOf('@payloadcms/richtext-lexical')
  // The React bindings are for the browser; the server never loads them.
  for (const name of Object.keys(editor.dependencies ?? {}).filter((dep) => isLexical(dep) && dep !== '@lexical/react')) visit(name)
  return ordered
}

/**
 * Imports the Payload config under plain Node. Lexical's Node entry points use top-level await, and Node 20
 * can leave such modules unsettled at random when several of them are first evaluated within one import
 * graph: the process then exits with code 13 before it starts. Evaluating them one at a time, leaves
 * first, leaves no top-level await pending when the editor and the database adapters load.
 */
export const loadConfig = async ({ without = [] }: { without?: OptionalCapability[] } = {}): Promise<SanitizedConfig> => {
  for (const name of lexicalLoadOrder()) {
    await import(name)
  }
  await import('@payloadcms/richtext-lexical')
  const { default: config, hubConfig } = await import('../../payload.config')
  return without.length ? hubConfig({ without }) : config
}
