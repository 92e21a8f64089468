/** Unit and integration tests: domain, adapters (real SQLite in temp dirs), router, HTTP server. */
const runCloudBaseContract = Boolean(process.env.TCB_ENV && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY)

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/types', '<rootDir>/cloudfunctions', '<rootDir>/scripts', '<rootDir>/src/features/story/poster', '<rootDir>/src/packages/honour', '<rootDir>/src/packages/story', '<rootDir>/src/utils', '<rootDir>/src/components/pressable', '<rootDir>/src/features/home'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(runCloudBaseContract ? [] : ['\\.cloudbase-env\\.test\\.ts$'])],
  transform: { '^.+\\.tsx?$': '<rootDir>/scripts/jest-esbuild-transform.js' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 20000,
}
