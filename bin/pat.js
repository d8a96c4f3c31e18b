#!/usr/bin/env node
// The `pat` command. `npm run build` (run by `npm ci` via `prepare`) compiles the TypeScript sources to dist/
// and bundles the command into a few files in dist/bundle/ (scripts/bundle.js), which load fast: docs/startup.md.
import { main } from '../dist/bundle/pat.js'

process.exitCode = await main(process.argv.slice(2))
