// A JSON-like answer of `n` lines, none alike, for the kept-answer tests (test/store/output-cache.test.ts and
// its kill loop, output-record-loop.mjs).
export const answer = n => `[\n${Array.from({ length: n }, (_, i) => `  {"name": "Account ${i} – Überseehandel"}`).join(',\n')}\n]\n`
