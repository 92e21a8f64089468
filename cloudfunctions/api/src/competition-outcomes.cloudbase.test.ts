import { useCloudBaseForRouterTests } from './test-support'

/**
 * The router suite of competition-outcomes.test.ts again, over the CloudBase adapter: the real SDK
 * builds and serialises every request, the wire-level stand-in serves it.
 */
useCloudBaseForRouterTests()
describe('over CloudBase (stand-in)', () => {
  jest.requireActual('./competition-outcomes.test')
})
