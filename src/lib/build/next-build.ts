import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { buildIsCurrent, buildMarker, sourceHash } from './source-hash'

/** Runs `next build` and records which sources it was built from. */
export const nextBuild = async ({ root }: { root: string }): Promise<void> => {
  const hash = sourceHash({ root })
  const code = await new Promise<null | number>((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules/.bin/next'), ['build'], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: 'inherit',
    })
    child.on('exit', resolve)
    child.on('error', reject)
  })
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`)
  fs.writeFileSync(buildMarker({ root }), hash)
}

export const ensureBuilt = async ({ log, root }: { log: (message: string) => void; root: string }) => {
  if (buildIsCurrent({ root })) return false
  log('Building the site (first start or sources changed)…')
  await nextBuild({ root })
  return true
}
