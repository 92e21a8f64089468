/**
 * The architecture as rules (`npm run lint:deps`, a step of `npm test`). README.md "Architecture"
 * explains each rule; scripts/dependency-rules.test.ts proves every rule fails on a violation.
 *
 * Paths are relative to the repository root. "SDK" means a library that ties code to one
 * technology; only the adapter folder of that technology may import it, so the domain and use
 * cases stay testable without a database and portable between CloudBase and SQLite.
 */

/** Which adapter folder may import which library. */
const SDKS = [
  { folder: 'sqlite', packages: ['better-sqlite3'] },
  { folder: 'cloudbase', packages: ['@cloudbase/[^/]+'] },
  { folder: 'files', packages: ['exceljs', 'csv-parse', 'qrcode'] },
  { folder: 'html', packages: ['sanitize-html'] },
]

const nodeModule = (names) => `^(node_modules/)?(${names.join('|')})(/|$)`

// Composition roots: the cloud entry reads the caller from the platform context, and the wiring both
// functions share opens the one SDK client every CloudBase adapter then receives. Neither holds a rule.
const COMPOSITION_ROOTS = '^cloudfunctions/(runtime/cloud-deps|api/src/entry-cloud)\\.ts$'
// Tests may read what a person receives (an exported .xlsx) with the library that writes it.
const TESTS = '\\.test\\.tsx?$'

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle (even type-only) means two modules are one: merge them or move the shared part down.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'types-only-zod',
      comment: 'types/ is the contract shared by the app and the functions: it may import zod and itself only.',
      severity: 'error',
      // global.d.ts is the Taro app's ambient typing (TARO_ENV), not part of the contract.
      from: { path: '^types/', pathNot: '^types/global\\.d\\.ts$' },
      to: { pathNot: ['^types/', nodeModule(['zod'])] },
    },
    {
      name: 'core-only-pure-packages',
      comment:
        'Domain rules and use cases (cloudfunctions/core outside adapters/) import no package but zod, dayjs ' +
        'and node:crypto; anything else goes behind a port with an adapter in core/adapters/<tech>/.',
      severity: 'error',
      from: { path: '^cloudfunctions/core/', pathNot: '^cloudfunctions/core/adapters/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'],
        pathNot: [nodeModule(['zod', 'dayjs']), '^(node:)?crypto$'],
      },
    },
    {
      name: 'core-not-to-adapters',
      comment: 'Use cases reach storage and services through ports only; adapters depend on core, not the reverse.',
      severity: 'error',
      from: { path: '^cloudfunctions/core/', pathNot: '^cloudfunctions/core/adapters/' },
      to: { path: '^cloudfunctions/core/adapters/' },
    },
    ...SDKS.map(({ folder, packages }) => ({
      name: `sdk-only-in-adapters-${folder}`,
      comment: `${packages.join(', ')} may be imported only by cloudfunctions/core/adapters/${folder}/.`,
      severity: 'error',
      from: { pathNot: [`^cloudfunctions/core/adapters/${folder}/`, COMPOSITION_ROOTS, TESTS, '^scripts/', '^tests/'] },
      to: { path: nodeModule(packages) },
    })),
    {
      name: 'app-not-to-functions',
      comment: 'The app talks to the functions through types/ and services/api.ts only.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^cloudfunctions/' },
    },
    {
      name: 'no-cross-feature',
      comment: 'A feature never imports another feature: what two features need lives in src/hooks, src/components or src/services.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'shared-not-to-features',
      comment: 'Shared hooks, components, services and utils serve every feature, so they import none.',
      severity: 'error',
      from: { path: '^src/(hooks|components|services|utils)/' },
      to: { path: '^src/(features|pages|packages)/' },
    },
    {
      name: 'function-not-to-other-function',
      comment:
        'A cloud function never imports another function\'s internals; what both need lives in ' +
        'cloudfunctions/runtime/ (wiring) or cloudfunctions/core/ (rules and use cases).',
      severity: 'error',
      from: { path: '^cloudfunctions/(api|scheduler)/' },
      to: { path: '^cloudfunctions/(api|scheduler)/', pathNot: '^cloudfunctions/$1/' },
    },
    {
      name: 'shared-backend-not-to-functions',
      comment: 'core/ and runtime/ are shared by both functions, so they import neither.',
      severity: 'error',
      from: { path: '^cloudfunctions/(core|runtime)/' },
      to: { path: '^cloudfunctions/(api|scheduler)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.temp)/|^cloudfunctions/[^/]+/index\\.js$' },
    // Type-only imports count: a type-only cycle still says the cut is wrong.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
