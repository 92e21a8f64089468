// CLI for the benchmark: node seed-pipeline-main.js <dataDir> <destinations> <stations>
import { seedPipeline } from './seed-pipeline'

const [dataDir, count, stations] = process.argv.slice(2)
void seedPipeline(dataDir, Number(count), Number(stations))
