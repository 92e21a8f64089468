// CLI for the benchmark: node seed-policies-main.js <dataDir> <stations> <members> <policies> <demands>
import { seedLarge } from './seed-large'
import { seedPolicies } from './seed-policies'

const [dataDir, stations, members, policies, demands] = process.argv.slice(2)
seedLarge(dataDir, { stations: Number(stations), members: Number(members) })
seedPolicies(dataDir, Number(policies), Number(demands)).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
