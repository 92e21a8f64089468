// Jest transform: TypeScript → CommonJS with esbuild. Type checking is `npm run typecheck`'s job,
// so tests only need the fast transpile.
const { transformSync } = require('esbuild')

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: filename.endsWith('x') ? 'tsx' : 'ts',
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'both',
      sourcefile: filename,
    })
    return { code, map }
  },
}
