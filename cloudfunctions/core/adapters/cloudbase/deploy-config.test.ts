import fs from 'node:fs'
import path from 'node:path'

/**
 * Audit D7: DevTools deploys read each function's config.json, the CLI reads cloudbaserc.json.
 * The two must agree on what both can carry: timeouts and the scheduler's timer.
 */
const root = path.join(__dirname, '../../../..')
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>

interface FunctionConfig {
  name?: string
  timeout?: number
  triggers?: { name: string; type: string; config: string }[]
}

describe('deployment configuration', () => {
  const rc = json('cloudbaserc.json') as { functionRoot: string; functions: FunctionConfig[] }

  it.each(['api', 'scheduler'])('cloudbaserc.json deploys %s with the timeout and triggers of its config.json', (name) => {
    const own = json(`cloudfunctions/${name}/config.json`) as FunctionConfig
    const cli = rc.functions.find((f) => f.name === name)
    expect(cli).toBeDefined()
    expect(cli!.timeout).toBe(own.timeout)
    expect(cli!.triggers ?? []).toEqual(own.triggers ?? [])
    expect(fs.existsSync(path.join(root, rc.functionRoot, name))).toBe(true)
  })

  it('gives a sign-up time for a cold start: the api timeout is well above the platform default of 3 s', () => {
    expect((json('cloudfunctions/api/config.json') as FunctionConfig).timeout).toBeGreaterThanOrEqual(15)
  })
})
