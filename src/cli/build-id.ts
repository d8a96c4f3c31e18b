/**
 * Which build of the program is running, for what it keeps that depends on its own code: a kept answer
 * (store/output-cache.ts) is printed again only by the build that printed it. scripts/bundle.js sets it to a
 * new random value in every build; a run from the sources (the tests) gets one of its own per process.
 */
declare const __PAT_BUILD__: string | undefined

export const BUILD_ID: string = typeof __PAT_BUILD__ === 'string' ? __PAT_BUILD__ : `source-${process.pid}-${Date.now()}`
