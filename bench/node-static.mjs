/**
 * The floor for one Node process: node:http answering every request with the same bytes from memory and
 * nothing else (no routing, no headers beyond the protocol's). The page benchmark runs it beside nginx,
 * so the hub's cached pages can be compared with what a single Node process can do at all.
 *
 *   PORT=8080 node bench/node-static.mjs FILE
 */
import fs from 'node:fs'
import http from 'node:http'

const body = fs.readFileSync(process.argv[2])
http
  .createServer((_req, res) => {
    res.writeHead(200, ['Content-Type', 'text/html; charset=utf-8', 'Content-Length', String(body.length)])
    res.end(body)
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
