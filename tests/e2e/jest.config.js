/**
 * Browser journeys: the H5 build (`npm run build:h5` first) served by the local HTTP server
 * in-process, driven by playwright-core in Debian's chromium (CHROMIUM_PATH to override).
 */
const path = require('node:path')

const root = path.resolve(__dirname, '..', '..')

module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.tsx?$': '<rootDir>/scripts/jest-esbuild-transform.js' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 120000,
  // One browser at a time: the machine has 2 cores.
  maxWorkers: 1,
}
