// `node scripts/bench/pipeline-main.mjs`: the issue 14 section alone, printed (npm run bench writes it into BENCHMARKS.md).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { pipelineBench, pipelineSection } from './pipeline.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
console.log(pipelineSection(await pipelineBench(root)))
