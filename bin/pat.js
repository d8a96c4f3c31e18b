#!/usr/bin/env node
// `node bin/pat.js`, as earlier versions had it: the command is bin/pat.cjs (package.json's bin).
import './pat.cjs'
