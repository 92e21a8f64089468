import { useCloudBaseForRouterTests } from './test-support'

/**
 * The router suite of survey.test.ts again, over the CloudBase adapter: the real SDK builds and
 * serialises every request, the wire-level stand-in (core/adapters/cloudbase/testing) serves it.
 */
useCloudBaseForRouterTests()
describe('over CloudBase (stand-in)', () => {
  jest.requireActual('./survey.test')
})
