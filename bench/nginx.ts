/**
 * nginx as the reference for page benchmarks: Debian's package, serving a folder on a loopback port with one
 * worker per core and the same keep-alive behaviour a production front end would have. Installed with apt-get
 * when missing and running as root (as the test script does with chromium); otherwise the benchmark says how.
 */
import type { StartedProcess } from './hub-process'

import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../tests/helpers/ports'

const NGINX = '/usr/sbin/nginx'

const ensureNginx = () => {
  if (fs.existsSync(NGINX)) return
  if (process.getuid?.() !== 0)
    throw new Error('nginx is not installed: apt-get install -y nginx-light (the page benchmark compares the hub with it)')
  console.log('Installing nginx (Debian package nginx-light) for the reference…')
  const result = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx-light'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: 'inherit',
  })
  if (result.status !== 0 || !fs.existsSync(NGINX)) throw new Error('apt-get install nginx-light failed')
}

/** Serves `root` (files by name; `gzip_static` sends a `.gz` beside a file to clients that take gzip). */
export const startNginx = async ({ root }: { root: string }): Promise<StartedProcess> => {
  ensureNginx()
  // Started as root, nginx's workers read files as an unprivileged user: a private temp folder must be opened up.
  fs.chmodSync(root, 0o755)
  const port = await freePort()
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-nginx-'))
  const config = path.join(prefix, 'nginx.conf')
  fs.writeFileSync(
    config,
    `worker_processes ${os.cpus().length};
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  gzip_static on;
  server {
    listen 127.0.0.1:${port};
    root ${root};
  }
}
`,
  )
  const child = spawn(NGINX, ['-p', prefix, '-c', config, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] })
  const base = `http://127.0.0.1:${port}`
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`nginx exited with ${child.exitCode} (${fs.readFileSync(path.join(prefix, 'error.log'), 'utf8').trim()})`)
    if (
      await fetch(`${base}/`).then(
        () => true,
        () => false,
      )
    )
      break
    if (attempt >= 100) throw new Error('nginx did not answer within ten seconds')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    base,
    child,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGQUIT')
        await exited
      }
      fs.rmSync(prefix, { force: true, recursive: true })
    },
  }
}
