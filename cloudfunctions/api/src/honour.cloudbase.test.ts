import { useCloudBaseForRouterTests } from './test-support'

/** The router suite of honour.test.ts again, over the CloudBase adapter on the wire-level stand-in. */
useCloudBaseForRouterTests()
describe('over CloudBase (stand-in)', () => {
  jest.requireActual('./honour.test')
})
