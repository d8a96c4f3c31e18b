#!/usr/bin/env node
// The `pat` command. `npm run build` (run by `npm ci` via `prepare`) compiles the TypeScript sources to dist/
// and bundles the command into a few files in dist/bundle/ (scripts/bundle.js), which load fast: docs/startup.md.
// On a checkout that was never installed (no node_modules/, no dist/) the import fails with
// ERR_MODULE_NOT_FOUND: that gets one line saying what to run, not node's stack trace.
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

try {
  const { main } = await import('../dist/bundle/pat.js')
  process.exitCode = await main(process.argv.slice(2))
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err
  const root = dirname(dirname(fileURLToPath(import.meta.url)))
  process.stderr.write(`error: PAT Desk is not installed in ${root} yet: run \`npm ci\` there (it installs the dependencies and builds), then try again\n`)
  process.exitCode = 1
}
