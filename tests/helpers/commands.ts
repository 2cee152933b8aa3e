import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { ServerEntry } from '../../src/lib/build/server-build'

import { buildServer, serverEntryFile } from '../../src/lib/build/server-build'

export type CommandResult = { code: null | number; stderr: string; stdout: string }

/** A bundle of the server entry points of the calling test file's own, so builds of other files never race it. */
export const buildCommands = async ({ name }: { name: string }) => {
  const outDir = path.join('dist', 'tests', `${name}-${process.pid}`)
  await buildServer({ outDir, root: process.cwd() })
  return {
    outDir,
    remove: () => fs.rmSync(path.join(process.cwd(), outDir), { force: true, recursive: true }),
    /** Runs one built command as `npm run <command>` would, and collects its output. */
    run: ({ args = [], entry, env = {} }: { args?: string[]; entry: ServerEntry; env?: Record<string, string> }): Promise<CommandResult> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [serverEntryFile({ entry, outDir, root: process.cwd() }), ...args], {
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', (chunk) => (stdout += chunk))
        child.stderr.on('data', (chunk) => (stderr += chunk))
        child.on('error', reject)
        child.on('close', (code) => resolve({ code, stderr, stdout }))
      }),
  }
}
