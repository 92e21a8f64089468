// CLI for the benchmark: node seed-large-main.js <dataDir> <stations> <members>
import { seedLarge } from './seed-large'

const [dataDir, stations, members] = process.argv.slice(2)
seedLarge(dataDir, { stations: Number(stations), members: Number(members) })
