import { useCloudBaseForRouterTests } from './test-support'

/**
 * The router suite of pipeline.test.ts again, over the CloudBase adapter: the real SDK builds and
 * serialises every request (the aggregates included), the wire-level stand-in serves it.
 */
useCloudBaseForRouterTests()
describe('over CloudBase (stand-in)', () => {
  // Loaded here, not imported: the suite registers its tests inside this describe, after the switch.
  require('./pipeline.test')
})
