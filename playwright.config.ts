import { defineConfig } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// One fresh data directory (SQLite file, secret) per run, shared with the worker processes through the env.
process.env.E2E_DATA_DIR ||= fs.mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-'))
process.env.E2E_PORT ||= '3100'
process.env.E2E_ADMIN_EMAIL ||= 'e2e.admin@example.org'
process.env.E2E_ADMIN_PASSWORD ||= 'e2e admin passphrase'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`

export default defineConfig({
  forbidOnly: true,
  fullyParallel: false,
  reporter: [['list']],
  retries: 0,
  testDir: 'tests/e2e',
  timeout: 60_000,
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { args: CHROMIUM_ARGS, executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    trace: 'off',
  },
  webServer: {
    // The README's start command: builds when stale (the test script has just built), migrates, seeds.
    command: 'npm start',
    env: {
      ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL,
      ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      DATA_DIR: process.env.E2E_DATA_DIR,
      MEDIA_DIR: path.join(process.env.E2E_DATA_DIR, 'media'),
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      // The seed links to real sites: the browser tests' link check asks only loopback servers they start.
      LINK_CHECK_HOSTS: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PORT: process.env.E2E_PORT,
    },
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 300_000,
    url: `${baseURL}/readyz`,
  },
  workers: 1,
})
