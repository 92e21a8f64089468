import fs from 'node:fs'
import { measureCloudBaseCosts } from '../../cloudfunctions/api/src/cloudbase-costs'

/** Bundled and run by cloudbase-costs.mjs: writes the measurements as JSON to argv[2]. */
async function main(): Promise<void> {
  const [, , out, stations, audience] = process.argv
  const costs = await measureCloudBaseCosts({ stations: Number(stations), noticeAudience: Number(audience) })
  fs.writeFileSync(out!, JSON.stringify(costs))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
