// Jest transform: TypeScript → CommonJS with esbuild. Type checking is `npm run typecheck`'s job,
// so tests only need the fast transpile.
const { createHash } = require('node:crypto')
const fs = require('node:fs')
const { transformSync } = require('esbuild')

// Part of every cache key, so that editing this transform re-transforms everything.
const SELF = fs.readFileSync(__filename)

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha1').update(SELF).update(filename).update(source).digest('hex')
  },

  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: filename.endsWith('x') ? 'tsx' : 'ts',
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'both',
      sourcefile: filename,
      // Jest runs CommonJS without VM modules: lazy `await import()` becomes a lazy require.
      supported: { 'dynamic-import': false },
    })
    return { code, map }
  },
}
