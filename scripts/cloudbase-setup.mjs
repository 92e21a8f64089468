// `npm run cloudbase:setup`: creates every collection of the CloudBase adapter in the environment
// named by TCB_ENV (keys in TCB_SECRET_ID / TCB_SECRET_KEY) and prints the security rule and
// indexes to set in the console. The list lives in cloudfunctions/core/adapters/cloudbase/collections.ts.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runTsScript } from './bench/local-server.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
await runTsScript(root, 'cloudfunctions/core/adapters/cloudbase/setup-main.ts', [])
