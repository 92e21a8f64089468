import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { loadTemplates, type Gwx, type VirtualNode } from '../../scripts/weapp/wechat-compilers'

/**
 * A Node stand-in for WeChat's app service (the logic layer the mini-program's JS runs in): one
 * `vm` context holding `wx`, `App`, `Page`, `Component`, `Behavior`, `getApp`, `getCurrentPages`,
 * a per-file CommonJS `require` limited to the package, and timers — and, as on a phone, no
 * `window`, `document`, `localStorage`, `fetch`, `XMLHttpRequest`, `process` or `navigator`.
 * A bundle that reaches for a browser global throws here as it would in WeChat. A promise the app
 * leaves to fail reaches Node's unhandled-rejection tracking (the sandbox shares the isolate), which
 * jest turns into a failed test.
 * Page data is rendered through the official wcc templates in a separate (view-layer) context.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Fn = (...args: unknown[]) => unknown
type Options = Record<string, unknown>

export interface CloudCall {
  name: string
  data: unknown
}

export interface AppServiceOptions {
  /** dist/weapp */
  dist: string
  /** Answers `wx.cloud.callFunction`; the result is what the function returned (`res.result`). */
  callFunction: (name: string, data: unknown) => Promise<unknown>
  /** What wcc generated from the same build's .wxml/.wxs (the view layer's templates). */
  wxmlCode: string
  /** The phone's answers to getSystemInfo / getAppBaseInfo… over the default iPhone 12 (e.g. a larger text size). */
  systemInfo?: Record<string, Json>
  /** What the device's storage holds at launch (e.g. 关怀模式 switched on last visit). */
  storage?: Record<string, string>
}

/**
 * The one message the 2020 wcc of `miniprogram-compiler` prints for Taro 4's input/textarea
 * template (`xs.c(i, 'tmpl_0_')` selects a focus/blur variant): that old runtime does not pass the
 * node into the WXS call, so those two node kinds render empty here. DevTools' current compiler
 * renders them; every other message of the template runtime is an error.
 */
const KNOWN_OLD_WCC_MESSAGE = /^WXMLRT_\$gwx:base\.wxml:template:\d+:\d+: Template `undefined` not found\.$/

export interface MountResult {
  route: string
  pageRegistered: boolean
  setDataCalls: number
  nodes: number
  text: string
  /** The page's data as the view layer received it (inputs keep their values here). */
  data: string
  /** The root-font-size the rendered page-meta gave the view layer ('' when the page has none). */
  rootFontSize: string
  errors: string[]
  cloudActions: string[]
}

/** Names of every wx API (from miniprogram-api-typings), so Taro builds its whole API table. */
function wxApiNames(): string[] {
  const file = require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts')
  const text = fs.readFileSync(file, 'utf8')
  // The methods of `interface Wx` and of the few interfaces declared after it, all of them wx.*.
  const names = new Set<string>()
  for (const m of text.slice(text.indexOf('interface Wx {')).matchAll(/^ {8}([a-zA-Z][a-zA-Z0-9]*)\s*[<(]/gm)) names.add(m[1])
  return [...names]
}
const WX_API_NAMES = wxApiNames()

const SYSTEM_INFO = {
  brand: 'iPhone',
  model: 'iPhone 12',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 753,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 16.0',
  platform: 'ios',
  SDKVersion: '3.6.0',
  theme: 'light',
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
}

/** WeChat's setData path syntax: `a.b[0].c`, and Taro's `root.cn.[0].v`. */
function setPath(target: Record<string, unknown>, key: string, value: unknown) {
  const parts = key
    .split(/\.|(?=\[)/)
    .filter((p) => p !== '')
    .map((p) => (/^\[\d+\]$/.test(p) ? Number(p.slice(1, -1)) : p))
  let node: Record<string | number, unknown> = target
  for (let i = 0; i < parts.length - 1; i += 1) {
    const next = node[parts[i]]
    if (next === null || typeof next !== 'object') node[parts[i]] = typeof parts[i + 1] === 'number' ? [] : {}
    node = node[parts[i]] as Record<string | number, unknown>
  }
  node[parts[parts.length - 1]] = value
}

export class AppService {
  readonly errors: string[] = []
  readonly cloudCalls: CloudCall[] = []
  readonly wxCalls = new Set<string>()
  cloudInit: unknown[] = []
  private readonly context: vm.Context
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly storage = new Map<string, unknown>()
  private pendingCalls = 0
  private appConfig: Options | null = null
  private lastPageConfig: Options | null = null
  private readonly pageStack: Options[] = []
  private readonly sandboxParse: (text: string) => unknown
  private readonly templates: Gwx

  constructor(private readonly options: AppServiceOptions) {
    for (const [key, value] of Object.entries(options.storage ?? {})) this.storage.set(key, value)
    this.templates = loadTemplates(options.wxmlCode, (level, text) => {
      if (!KNOWN_OLD_WCC_MESSAGE.test(text)) this.errors.push(`view layer ${level}: ${text}`)
    })
    const context: Record<string, unknown> = {}
    this.context = vm.createContext(context)
    this.sandboxParse = vm.runInContext('(text) => JSON.parse(text)', this.context) as (text: string) => unknown
    const report = (where: string) => (error: unknown) => this.errors.push(`${where}: ${describe(error)}`)
    const guard =
      (where: string, fn: Fn) =>
      (...args: unknown[]) => {
        try {
          return fn(...args)
        } catch (error) {
          report(where)(error)
          return undefined
        }
      }
    const timer = (fn: unknown, ms?: number, ...args: unknown[]) => {
      if (typeof fn !== 'function') return undefined
      const handle = setTimeout(() => {
        this.timers.delete(handle)
        guard('timer', fn as Fn)(...args)
      }, ms ?? 0)
      this.timers.add(handle)
      return handle
    }
    const interval = (fn: unknown, ms?: number, ...args: unknown[]) => {
      if (typeof fn !== 'function') return undefined
      const handle = setInterval(guard('interval', fn as Fn), Math.max(ms ?? 0, 10), ...args)
      this.timers.add(handle)
      return handle
    }
    const clear = (handle: unknown) => {
      if (!handle) return
      clearTimeout(handle as NodeJS.Timeout)
      this.timers.delete(handle as NodeJS.Timeout)
    }
    Object.assign(context, {
      console: {
        log: () => {},
        info: () => {},
        debug: () => {},
        warn: () => {},
        error: (...args: unknown[]) => this.errors.push(`console.error: ${args.map(describe).join(' ')}`),
      },
      setTimeout: timer,
      clearTimeout: clear,
      setInterval: interval,
      clearInterval: clear,
      wx: this.makeWx(),
      App: (config: Options) => {
        this.appConfig = config
      },
      Page: (config: Options) => {
        this.lastPageConfig = config
      },
      Component: (config: Options) => {
        // Taro's recursive `comp` (and custom wrappers): instantiated by the view layer, which
        // renders them below through comp.wxml; the logic layer only registers them.
        this.components.push(config)
      },
      Behavior: (config: Options) => config,
      getApp: () => this.appConfig,
      getCurrentPages: () => [...this.pageStack],
      requirePlugin: () => ({}),
      __wxConfig: { envVersion: 'develop', platform: 'ios', accountInfo: { appId: 'touristappid' } },
    })
  }

  readonly components: Options[] = []

  /** Is the global defined inside the sandbox (for the no-browser-globals assertion)? */
  typeOf(name: string): string {
    return vm.runInContext(`typeof ${name}`, this.context) as string
  }

  /** Runs app.js and the app's onLaunch/onShow, then comp.js, as WeChat does at start. */
  launch() {
    this.require('app.js')
    if (!this.appConfig) throw new Error('app.js did not call App()')
    const launch = { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }
    this.callHook(this.appConfig, 'onLaunch', launch)
    this.callHook(this.appConfig, 'onShow', launch)
    if (fs.existsSync(path.join(this.options.dist, 'comp.js'))) this.require('comp.js')
  }

  /** Opens a page with a query, runs it to rest, renders its data through wcc, then closes it. */
  async mount(route: string, query: Record<string, string> = {}): Promise<MountResult> {
    const errorsBefore = this.errors.length
    const callsBefore = this.cloudCalls.length
    this.lastPageConfig = null
    this.require(`${route}.js`)
    const config = this.lastPageConfig as Options | null
    if (!config) {
      return { route, pageRegistered: false, setDataCalls: 0, nodes: 0, text: '', data: '', rootFontSize: '', errors: [`${route}.js did not call Page()`], cloudActions: [] }
    }
    let setDataCalls = 0
    const page: Options = {}
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') page[key] = value
    Object.assign(page, {
      data: this.sandboxParse(JSON.stringify(config.data ?? {})),
      route,
      __route__: route,
      options: query,
      is: route,
      setData: (patch: Record<string, unknown>, callback?: () => void) => {
        setDataCalls += 1
        // Data crosses to the view layer as JSON: what cannot be serialised does not arrive.
        const size = JSON.stringify(patch ?? {}).length
        if (size > 256 * 1024) this.errors.push(`${route}: setData of ${size} bytes (WeChat's limit is 256 KB)`)
        for (const [key, value] of Object.entries(patch ?? {})) setPath(page.data as Record<string, unknown>, key, value)
        if (typeof callback === 'function') this.defer(() => callback())
      },
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => this.selectorQuery(),
      createIntersectionObserver: () => this.noopObject(),
      getOpenerEventChannel: () => ({ on() {}, once() {}, off() {}, emit() {} }),
    })
    this.pageStack.push(page)
    this.callHook(page, 'onLoad', query)
    this.callHook(page, 'onShow')
    this.callHook(page, 'onReady')
    await this.settle()
    const rendered = this.render(route, page.data as Record<string, unknown>)
    const pageData = JSON.stringify(page.data)
    this.callHook(page, 'onHide')
    this.callHook(page, 'onUnload')
    this.pageStack.pop()
    await this.settle()
    return {
      route,
      pageRegistered: true,
      setDataCalls,
      nodes: rendered.nodes,
      text: rendered.text,
      data: pageData,
      rootFontSize: rendered.rootFontSize,
      errors: this.errors.slice(errorsBefore),
      cloudActions: this.cloudCalls.slice(callsBefore).map((c) => (c.data as { action?: string }).action ?? c.name),
    }
  }

  /** Stops every timer the bundle left running. */
  dispose() {
    for (const handle of this.timers) clearTimeout(handle)
    this.timers.clear()
  }

  /** Waits until no cloud call is in flight and no short timer is pending, several times in a row (up to 15 s: a busy machine answers slowly, and a page caught still loading fails). */
  private async settle(maxMs = 15000) {
    const started = Date.now()
    let quiet = 0
    while (quiet < 3 && Date.now() - started < maxMs) {
      await new Promise((resolve) => setTimeout(resolve, 15))
      quiet = this.pendingCalls === 0 ? quiet + 1 : 0
    }
  }

  private render(route: string, data: Record<string, unknown>): { nodes: number; text: string; rootFontSize: string } {
    const template = this.templates(`${route}.wxml`)
    if (!template) {
      this.errors.push(`${route}.wxml: no wcc template`)
      return { nodes: 0, text: '', rootFontSize: '' }
    }
    let rootFontSize = ''
    const comp = this.templates('comp.wxml')
    let nodes = 0
    const texts: string[] = []
    const walk = (node: VirtualNode | string, depth: number) => {
      if (typeof node === 'string') {
        if (node.trim()) texts.push(node.trim())
        return
      }
      if (depth > 200) return
      if (/page-meta$/.test(node.tag)) rootFontSize = String(node.attr?.['root-font-size'] ?? node.attr?.rootFontSize ?? '')
      else if (node.tag && node.tag !== 'wx-page' && node.tag !== 'virtual') nodes += 1
      // Taro hands deep subtrees to its recursive `comp` component: render that the same way.
      if (node.tag === 'comp' && comp && node.attr) {
        walk(comp({ i: node.attr.i, l: node.attr.l }, {}, {}), depth + 1)
      }
      for (const child of node.children ?? []) walk(child, depth + 1)
    }
    try {
      walk(template(JSON.parse(JSON.stringify(data)) as Record<string, unknown>, {}, {}), 0)
    } catch (error) {
      this.errors.push(`${route}.wxml render: ${describe(error)}`)
    }
    return { nodes, text: texts.join(' | '), rootFontSize }
  }

  private callHook(target: Options, name: string, ...args: unknown[]) {
    const hook = target[name]
    if (typeof hook !== 'function') return
    try {
      const result = (hook as Fn).apply(target, args)
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        ;(result as Promise<unknown>).then(undefined, (error: unknown) => this.errors.push(`${name}: ${describe(error)}`))
      }
    } catch (error) {
      this.errors.push(`${name}: ${describe(error)}`)
    }
  }

  private defer(fn: () => void) {
    const handle = setTimeout(() => {
      this.timers.delete(handle)
      try {
        fn()
      } catch (error) {
        this.errors.push(`callback: ${describe(error)}`)
      }
    }, 0)
    this.timers.add(handle)
  }

  /** A per-file CommonJS require, resolved inside dist only (as WeChat's `require` is). */
  require(file: string, from = ''): unknown {
    const normalised = path.posix.normalize(path.posix.join(path.posix.dirname(from), file)).replace(/^\/+/, '')
    const id = normalised.endsWith('.js') ? normalised : `${normalised}.js`
    const cached = this.modules.get(id)
    if (cached) return cached.exports
    const full = path.join(this.options.dist, id)
    if (id.startsWith('..') || !fs.existsSync(full)) throw new Error(`require: ${id} is not in the package (from ${from || 'the app'})`)
    const module = { exports: {} as unknown }
    this.modules.set(id, module)
    const wrapper = vm.runInContext(`(function (module, exports, require) {${fs.readFileSync(full, 'utf8')}\n})`, this.context, {
      filename: id,
    }) as (m: { exports: unknown }, e: unknown, r: (f: string) => unknown) => void
    try {
      wrapper(module, module.exports, (f: string) => this.require(f, id))
    } catch (error) {
      this.errors.push(`${id}: ${describe(error)}`)
    }
    return module.exports
  }

  private noopObject(): unknown {
    const target: Record<string, unknown> = {}
    const proxy: unknown = new Proxy(target, {
      get: (_t, key) => (key === 'then' ? undefined : () => proxy),
    })
    return proxy
  }

  private selectorQuery(): unknown {
    const query: Record<string, unknown> = {}
    const chain = () => query
    Object.assign(query, {
      in: chain,
      select: chain,
      selectAll: chain,
      selectViewport: chain,
      boundingClientRect: chain,
      scrollOffset: chain,
      fields: chain,
      node: chain,
      exec: (callback?: (res: unknown[]) => void) => {
        if (typeof callback === 'function') this.defer(() => callback([null]))
      },
    })
    return query
  }

  private settleCallbacks(options: unknown, result: unknown, ok = true) {
    if (!options || typeof options !== 'object') return
    const o = options as Options
    this.defer(() => {
      const callback = ok ? o.success : o.fail
      if (typeof callback === 'function') (callback as Fn)(result)
      if (typeof o.complete === 'function') (o.complete as Fn)(result)
    })
  }

  private makeWx(): Record<string, unknown> {
    const wx: Record<string, unknown> = {}
    const info = () => this.sandboxParse(JSON.stringify({ ...SYSTEM_INFO, ...this.options.systemInfo }))
    const special: Record<string, Fn> = {
      getSystemInfoSync: info,
      getWindowInfo: info,
      getDeviceInfo: info,
      getAppBaseInfo: info,
      getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
      getAppAuthorizeSetting: () => ({}),
      getSystemInfo: (o) => this.settleCallbacks(o, info()),
      getSystemInfoAsync: (o) => this.settleCallbacks(o, info()),
      getMenuButtonBoundingClientRect: () => ({ top: 51, left: 296, right: 383, bottom: 83, width: 87, height: 32 }),
      getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
      getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
      getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
      canIUse: () => true,
      nextTick: (fn) => this.defer(() => (fn as Fn)()),
      getStorageSync: (key) => (this.storage.has(String(key)) ? this.storage.get(String(key)) : ''),
      setStorageSync: (key, value) => void this.storage.set(String(key), value),
      removeStorageSync: (key) => void this.storage.delete(String(key)),
      clearStorageSync: () => this.storage.clear(),
      getStorage: (o) => {
        const key = String((o as Options).key)
        if (this.storage.has(key)) this.settleCallbacks(o, { data: this.storage.get(key), errMsg: 'getStorage:ok' })
        else this.settleCallbacks(o, { errMsg: 'getStorage:fail data not found' }, false)
      },
      setStorage: (o) => {
        this.storage.set(String((o as Options).key), (o as Options).data)
        this.settleCallbacks(o, { errMsg: 'setStorage:ok' })
      },
      createSelectorQuery: () => this.selectorQuery(),
      request: (o) => this.settleCallbacks(o, { errMsg: 'request:fail the mini-program calls no HTTP server' }, false),
    }
    for (const name of WX_API_NAMES) {
      wx[name] = (...args: unknown[]) => {
        this.wxCalls.add(name)
        if (special[name]) return special[name](...args)
        if (/^(on|off)[A-Z]/.test(name)) return undefined
        if (/Sync$/.test(name)) return undefined
        if (/^create|Manager$|Context$/.test(name)) return this.noopObject()
        this.settleCallbacks(args[0], { errMsg: `${name}:ok` })
        return undefined
      }
    }
    wx.env = { USER_DATA_PATH: 'wxfile://usr' }
    wx.cloud = {
      init: (options: unknown) => {
        this.cloudInit.push(options)
      },
      callFunction: (options: Options) => {
        const name = String(options.name)
        const data: unknown = JSON.parse(JSON.stringify(options.data ?? {}))
        this.cloudCalls.push({ name, data })
        this.pendingCalls += 1
        const settled = this.options.callFunction(name, data).then(
          (result) => {
            this.pendingCalls -= 1
            // What the function returned crosses the network as JSON, into the sandbox's realm.
            const res = this.sandboxParse(JSON.stringify({ result, errMsg: 'cloud.callFunction:ok', requestID: `req-${this.cloudCalls.length}` }))
            this.settleCallbacks(options, res)
            return res
          },
          (error: unknown) => {
            this.pendingCalls -= 1
            this.errors.push(`cloud.callFunction(${name}) rejected: ${describe(error)}`)
            this.settleCallbacks(options, { errMsg: `cloud.callFunction:fail ${describe(error)}` }, false)
            throw error
          },
        )
        return vm.runInContext('(p) => Promise.resolve().then(() => p)', this.context)(settled)
      },
      getTempFileURL: (options: Options) => {
        const fileList = Array.isArray(options.fileList) ? options.fileList : []
        const res = this.sandboxParse(
          JSON.stringify({ fileList: fileList.map((f: unknown) => ({ fileID: String(f), tempFileURL: `https://cloud.example.invalid/${String(f)}`, status: 0 })) }),
        )
        this.settleCallbacks(options, res)
        return vm.runInContext('(v) => Promise.resolve(v)', this.context)(res)
      },
      uploadFile: (options: Options) => {
        this.settleCallbacks(options, { errMsg: 'cloud.uploadFile:fail not in this sandbox' }, false)
        return vm.runInContext('() => Promise.reject(new Error("cloud.uploadFile: not in this sandbox"))', this.context)()
      },
    }
    return wx
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error || (error && typeof error === 'object' && 'message' in error)) {
    const e = error as { message: unknown; stack?: unknown }
    const stack = typeof e.stack === 'string' ? e.stack.split('\n').slice(0, 3).join(' / ') : String(e.message)
    return stack
  }
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error as Json)
  } catch {
    return String(error)
  }
}
