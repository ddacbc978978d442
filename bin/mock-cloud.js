#!/usr/bin/env node
// The `mock-cloud` command. The logic is in src/cli.ts, compiled to dist/ by `npm run build`
// (run by `npm ci` through the prepare script).
import { run } from '../dist/cli.js'

await run(process.argv.slice(2))
