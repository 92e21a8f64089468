import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const root = path.resolve(__dirname, '../../..')
const buildScript = pathToFileURL(path.join(root, 'scripts/build-functions.mjs')).href

/** Plain node, outside jest's module system: what the CloudBase runtime does with index.js. */
const node = (args: string[], cwd: string) => execFileSync(process.execPath, args, { cwd, encoding: 'utf8' })

describe('the api cloud bundle', () => {
  let dir: string
  let outfile: string

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-bundle-'))
    outfile = path.join(dir, 'index.js')
    // The build script is an ES module: call its exported function from a child process.
    node(
      [
        '--input-type=module',
        '-e',
        `import { buildFunctions } from ${JSON.stringify(buildScript)}
         await buildFunctions({ only: 'api', outfile: ${JSON.stringify(outfile)}, log: () => {} })`,
      ],
      root,
    )
  }, 60_000)

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('loads on its own, without node_modules, and exports main', () => {
    // Run from the temp dir: nothing beside the bundle to resolve modules from.
    expect(node(['-e', `process.stdout.write(typeof require(${JSON.stringify(outfile)}).main)`], dir)).toBe('function')
  })

  it('answers an envelope without touching the database (system.ping)', () => {
    const script = `require(${JSON.stringify(outfile)})
      .main({ action: 'system.ping' }, {})
      .then((r) => process.stdout.write(JSON.stringify(r)))`
    const result = JSON.parse(node(['-e', script], dir)) as { ok: boolean; data: { pong: boolean } }
    expect(result).toMatchObject({ ok: true, data: { pong: true } })
  })

  it('does not contain better-sqlite3 or the test stand-in, and links its source map', () => {
    const text = fs.readFileSync(outfile, 'utf8')
    expect(text).not.toContain('better-sqlite3')
    // The CloudBase stand-in and its query engine are test support, never shipped.
    expect(text).not.toContain('CloudBaseStandIn')
    expect(text).not.toMatch(/kofrasa|mingo/)
    expect(text).toMatch(/\/\/# sourceMappingURL=index\.js\.map\s*$/)
    expect(fs.existsSync(`${outfile}.map`)).toBe(true)
  })
})
