import { useCloudBaseForRouterTests } from './test-support'

/**
 * The router suite of platform-outreach.test.ts again, over the CloudBase adapter: the real SDK builds and
 * serialises every request, the wire-level stand-in (core/adapters/cloudbase/testing) serves it.
 */
useCloudBaseForRouterTests()
describe('over CloudBase (stand-in)', () => {
  // Loaded here, not imported: the suite registers its tests inside this describe, after the switch
  // (jest's own loader, so the module runs once, in this file's registry).
  jest.requireActual('./platform-outreach.test')
})
