/**
 * The WeChat suites, a step of `npm test` after `npm run build:weapp` (and kept out of the plain
 * `npx jest` unit run, which needs no build): every page of dist/weapp mounted in an app-service
 * sandbox with real data, and the WeChat check run against small broken fixtures.
 */
const path = require('node:path')

const root = path.resolve(__dirname, '..', '..')

module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/weapp'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': '<rootDir>/scripts/jest-esbuild-transform.js' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 300000,
  // Each suite starts compilers or a router of its own: one at a time on a 2-core machine.
  maxWorkers: 1,
}
