// `node scripts/bench/survey-main.mjs`: the issue 15 section alone, printed (npm run bench writes it into BENCHMARKS.md).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { surveyBench, surveySection } from './survey.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
console.log(surveySection(await surveyBench(root)))
