import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { startServer } from '../../cloudfunctions/api/src/http-server'
import type { Logger } from '../../cloudfunctions/runtime/logger'
import type { Clock } from '../../cloudfunctions/core/shared/clock'
import type { ActionName, Envelope } from '../../types'

const root = path.resolve(__dirname, '..', '..')
export const H5_DIR = path.join(root, 'dist', 'h5')
export const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS_DIR || path.join(os.tmpdir(), 'yizhan-e2e')

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface Harness {
  baseUrl: string
  browser: Browser
  context: BrowserContext
  page: Page
  /** Calls the api over HTTP as `openid`, the way the H5 app does. */
  api<T>(action: ActionName, payload: unknown, openid: string): Promise<Envelope<T>>
  /** Takes a screenshot and runs axe-core on the page shown; serious or critical findings fail. */
  screenshot(name: string): Promise<void>
  /**
   * For this step only, console errors matching `pattern` are expected: the step itself caused them (it
   * answers /api with a 500 or cuts the network on purpose), and `why` says so. Any other error still fails.
   */
  allowConsoleErrors(pattern: RegExp, why: string): void
  close(): Promise<void>
}

/**
 * `clock`: the server's clock seam, for journeys that move time on (deadlines);
 * `schedulerIntervalMs`: the local runtime's scheduler runs on this interval (retention, reminders).
 */
export async function startHarness(options: { clock?: Clock; schedulerIntervalMs?: number } = {}): Promise<Harness> {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error('dist/h5 is missing: run `npm run build:h5` before the browser journeys')
  }
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!fs.existsSync(executablePath)) {
    throw new Error(`No chromium at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH`)
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-e2e-data-'))
  const server = await startServer({
    port: 0,
    dataDir,
    staticDir: H5_DIR,
    demo: true,
    seed: true,
    logger: quietLogger,
    clock: options.clock,
    schedulerIntervalMs: options.schedulerIntervalMs,
  })
  let browser: Browser
  try {
    // Plain launch: playwright gives the browser a fresh temporary profile every run.
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  } catch (error) {
    await server.close()
    throw error
  }
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    acceptDownloads: true,
  })
  context.setDefaultTimeout(15000)
  const watch = watchConsole(context)
  const page = await context.newPage()
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })

  return {
    baseUrl: server.url,
    browser,
    context,
    page,
    async api<T>(action: ActionName, payload: unknown, openid: string) {
      const response = await fetch(`${server.url}/api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
        body: JSON.stringify({ action, payload }),
      })
      return (await response.json()) as Envelope<T>
    },
    async screenshot(name) {
      // Let page transitions and toasts settle, so the picture shows one page.
      await page.waitForTimeout(500)
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true })
      // Every page a journey stops to photograph is also checked by the accessibility engine…
      expectAccessible(await auditA11y(page, name), name)
      // …and whatever went wrong in the console up to here fails at the step that shows it.
      watch.check(name)
    },
    allowConsoleErrors(pattern, why) {
      if (!why.trim()) throw new Error('allowConsoleErrors: say why these errors are expected')
      watch.allowedThisStep.push(pattern)
    },
    async close() {
      watches.delete(watch)
      await context.close().catch(() => undefined)
      await browser.close().catch(() => undefined)
      await server.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

// --- console errors: every journey step fails on one -------------------------------------------

/**
 * Errors that come from outside our code and that we cannot fix, each named and explained. Keep it
 * short: anything our app logs (a React error, an unhandled rejection, a failed request) is a defect.
 */
export const CONSOLE_ALLOW_LIST: { pattern: RegExp; why: string }[] = [
  {
    pattern: /Cannot read properties of undefined \(reading 'value'\)[\s\S]*watchValue/,
    why:
      "@tarojs/components' taro-input-core / taro-textarea-core: the Stencil `value` watcher reads `this.inputRef` " +
      'when React changes `value` after the element is connected but before its first render (a form remounted ' +
      'after a reload, as the station editor does after appointing a head). The first render applies the value ' +
      'from the prop, so nothing is lost; the bug is in the component library, not in our code.',
  },
]

interface ConsoleWatch {
  errors: string[]
  allowedThisStep: RegExp[]
  /** Throws with every unexpected console error since the last check, and starts over. */
  check(where: string): void
}

const watches = new Set<ConsoleWatch>()

/** Collects console errors and uncaught page errors from every page of the journey's browser context. */
function watchConsole(context: BrowserContext): ConsoleWatch {
  const watch: ConsoleWatch = {
    errors: [],
    allowedThisStep: [],
    check(where) {
      const unexpected = watch.errors.filter(
        (e) => !CONSOLE_ALLOW_LIST.some((a) => a.pattern.test(e)) && !watch.allowedThisStep.some((p) => p.test(e)),
      )
      watch.errors = []
      if (unexpected.length > 0) {
        throw new Error(`console errors (${where}):\n${unexpected.map((e) => `  ${e}`).join('\n')}`)
      }
    },
  }
  context.on('console', (message) => {
    if (message.type() !== 'error') return
    const at = message.location().url
    watch.errors.push(`${message.text()}${at ? ` (${at.replace(/^https?:\/\/[^/]+/, '')})` : ''}`)
  })
  context.on('weberror', (error) => {
    watch.errors.push(`uncaught: ${error.error().stack ?? error.error().message}`)
  })
  watches.add(watch)
  return watch
}

// Every step (test) of every journey that imports this file fails on a console error it caused.
if (typeof afterEach === 'function') {
  afterEach(() => {
    const failures: string[] = []
    for (const watch of watches) {
      try {
        watch.check('this step')
      } catch (error) {
        failures.push((error as Error).message)
      } finally {
        watch.allowedThisStep = []
      }
    }
    if (failures.length > 0) throw new Error(failures.join('\n'))
  })
}

// Requests are not news in a test run; failures inside the server are.
const quietLogger: Logger = {
  info: () => undefined,
  error: (event, fields) => console.error(event, fields),
}

/** Taro H5 renders `<Input>` as `<taro-input-core>` around a real `<input>`. */
export function inputIn(page: Page, fieldId: string): Locator {
  return page.locator(`#field-${fieldId} input`)
}

/** The visible page: Taro H5 keeps earlier pages of the stack in the DOM, hidden. */
export function currentPage(page: Page): Locator {
  return page.locator('.taro_page:visible').last()
}

/** Re-reads until the value is what we expect (the UI settles asynchronously). */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10000): Promise<void> {
  const until = Date.now() + timeoutMs
  let last: T = await read()
  while (last !== expected) {
    if (Date.now() > until) throw new Error(`expected ${String(expected)}, still ${String(last)}`)
    await new Promise((r) => setTimeout(r, 100))
    last = await read()
  }
}

/** Taro H5 routes by hash: `/#/pages/mine/index`. */
export function appUrl(baseUrl: string, pagePath: string): string {
  return `${baseUrl.replace(/\/$/, '')}/#/${pagePath.replace(/^\//, '')}`
}

/**
 * Acts as `openid` from a fresh load of `pagePath`, the way the demo sign-in remembers a person
 * (for someone the demo sign-in page does not list, such as a new visitor from earlier).
 */
export async function actAs(page: Page, baseUrl: string, openid: string, label: string, pagePath = 'pages/index/index'): Promise<void> {
  // The page may still be navigating from the last step (a toast, then back): a navigation that
  // destroys the context mid-evaluate is waited out and the sign-in written again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await page.evaluate(
        ([id, name]) => {
          window.localStorage.setItem('yz.demo.openid', id)
          window.localStorage.setItem('yz.demo.label', name)
        },
        [openid, label],
      )
      break
    } catch (error) {
      if (attempt >= 5 || !/Execution context was destroyed|navigat/i.test(String(error))) throw error
      await page.waitForLoadState('load')
    }
  }
  await page.goto(appUrl(baseUrl, pagePath))
  await page.reload()
}

/** Chooses a seeded demo account on the demo sign-in page; lands on 首页. */
export async function signInAsDemo(page: Page, baseUrl: string, openid: string): Promise<void> {
  await page.goto(appUrl(baseUrl, 'pages/demo-login/index'))
  await page.reload()
  await page.locator(`#demo-${openid}`).click()
  await currentPage(page).locator('#home-join, #home-welcome').first().waitFor()
}

// --- accessibility: axe-core in the page -------------------------------------------------------

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeFinding {
  id: string
  impact: string | null
  help: string
  nodes: number
  targets: string[]
}

interface AxeRunResult {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[]
}

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) on the document as it is now and prints one line
 * per page, so the journey output is the per-page report. Only what is visible counts: Taro H5 keeps
 * earlier pages of the stack in the DOM, hidden, and axe skips hidden content.
 */
export async function auditA11y(page: Page, label: string): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE })
  const findings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeRunResult> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(' ')),
    }))
  })
  const count = (impact: string) => findings.filter((f) => f.impact === impact).length
  const detail =
    findings
      .map((f) => `${f.id}/${f.impact}(${f.nodes})${f.impact === 'serious' || f.impact === 'critical' ? ` at ${f.targets.join(' | ')}` : ''}`)
      .join(' ') || 'none'
  process.stdout.write(
    `[axe] ${label}: critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')} — ${detail}\n`,
  )
  return findings
}

/** Serious and critical findings fail the journey, with where they are. */
export function expectAccessible(findings: AxeFinding[], label: string): void {
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')
  if (blocking.length > 0) {
    const lines = blocking.map((f) => `  ${f.id} (${f.impact}, ${f.nodes} nodes): ${f.help} — ${f.targets.join(' | ')}`)
    throw new Error(`axe-core found serious/critical violations on ${label}:\n${lines.join('\n')}`)
  }
}
