// `npm run weapp:check`: would WeChat accept this build? Runs WeChat's own tooling offline on the
// project that DevTools opens (project.config.json → dist/weapp):
//   1. miniprogram-ci `getCompiledResult` — DevTools' compile module, with the project's own settings
//      (ES6→ES5 + enhance, minify): app.json / page JSON rules, and a parse of every JS, WXML, WXSS.
//      The project attributes are injected, so no upload key and no network are needed.
//   2. the compiled output is ES5 (acorn, ecmaVersion 5): what project.config.json promises phones.
//   3. package sizes after compile: main ≤ the budget (1,200 KiB), each subpackage ≤ 2 MB, all ≤ 20 MB.
//   4. miniprogram-ci `checkCodeQuality` (DevTools' code-quality scan).
//   5. the official `wcc` on every .wxml/.wxs, `wcsc` on every .wxss with its imports.
//   6. the project as DevTools opens it: sitemap, function folders, privacy APIs declared in README.
// Exit 1 with the file (and line) of each problem. Options:
//   --project DIR    project root holding project.config.json (default: the repository)
//   --readme FILE    where the privacy declarations are listed (default: README.md beside the project)
//   --main-budget-kib N   main-package budget after compile (default 1200)
//   --json FILE      also write the sizes (raw and compiled, per package) as JSON
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import * as acorn from 'acorn'
import compilers from './weapp/wechat-compilers.js'

const require = createRequire(import.meta.url)
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const KIB = 1024
const PACKAGE_LIMIT = 2 * 1024 * KIB
const TOTAL_LIMIT = 20 * 1024 * KIB

/**
 * The APIs and components that WeChat only lets through when the console's 用户隐私保护指引
 * declares what they collect (errno 112 otherwise), keyed by the declaration's wording.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html
 */
const PRIVACY_DECLARATIONS = [
  { item: '收集你的昵称、头像', apis: ['getUserProfile', 'getUserInfo', 'chooseAvatar', 'nickname'] },
  { item: '收集你的位置信息', apis: ['getLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'onLocationChange', 'getFuzzyLocation'] },
  { item: '收集你选择的位置信息', apis: ['choosePoi', 'chooseLocation'] },
  { item: '收集你的地址', apis: ['chooseAddress'] },
  { item: '收集你的发票信息', apis: ['chooseInvoiceTitle', 'chooseInvoice'] },
  { item: '收集你的微信运动步数', apis: ['getWeRunData'] },
  { item: '收集你的手机号', apis: ['getPhoneNumber', 'getRealtimePhoneNumber'] },
  { item: '收集你的车牌号', apis: ['chooseLicensePlate'] },
  { item: '收集你选中的照片或视频信息', apis: ['chooseImage', 'chooseMedia', 'chooseVideo'] },
  { item: '收集你选中的文件', apis: ['chooseMessageFile'] },
  { item: '访问你的麦克风', apis: ['startRecord', 'getRecorderManager', 'joinVoIPChat'] },
  { item: '访问你的摄像头', apis: ['createCameraContext', 'createVKSession'] },
  { item: '访问你的蓝牙', apis: ['openBluetoothAdapter', 'createBLEPeripheralServer'] },
  { item: '使用你的相册（仅写入）权限', apis: ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'] },
  { item: '使用你的通讯录（仅写入）权限', apis: ['addPhoneContact'] },
  { item: '使用你的日历（仅写入）权限', apis: ['addPhoneRepeatCalendar', 'addPhoneCalendar'] },
  { item: '读取你的剪切板', apis: ['setClipboardData', 'getClipboardData'] },
]

function option(name, fallback) {
  const i = process.argv.indexOf(name)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

const projectPath = path.resolve(option('--project', repo))
const readmePath = path.resolve(option('--readme', path.join(projectPath, 'README.md')))
const mainBudget = Number(option('--main-budget-kib', '1200')) * KIB
const jsonOut = option('--json', null)

const problems = []
const fail = (text) => {
  problems.push(text)
  console.log(`FAIL ${text}`)
}
const ok = (text) => console.log(`ok   ${text}`)
const note = (text) => console.log(`note ${text}`)
const kib = (n) => `${(n / KIB).toFixed(1)} KiB`

const projectConfig = JSON.parse(fs.readFileSync(path.join(projectPath, 'project.config.json'), 'utf8'))
const miniRoot = path.join(projectPath, projectConfig.miniprogramRoot ?? '')
const appJsonPath = path.join(miniRoot, 'app.json')
if (!fs.existsSync(appJsonPath)) {
  console.error(`没有找到 ${path.relative(process.cwd(), appJsonPath)}：请先运行 npm run build:weapp`)
  process.exit(1)
}
const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'))
const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => `${String(p.root).replace(/^\/+|\/+$/g, '')}/`)
const packageOf = (file) => roots.find((r) => file.startsWith(r)) ?? 'main'

/** Bytes per package of a {file: size} listing. */
function sizesByPackage(files) {
  const sizes = { main: 0, ...Object.fromEntries(roots.map((r) => [r, 0])) }
  for (const [file, bytes] of Object.entries(files)) sizes[packageOf(file)] += bytes
  return sizes
}

// The upload set before compile: what WeChat packs (its whitelist of extensions), without the
// project file and source maps — the "raw" sizes next to the compiled ones.
const UPLOADED = /\.(wxml|wxss|wxs|js|json|png|jpe?g|gif|svg|wasm|mp3|mp4|wav|ogg|cer|br|cur|ico)$/
const rawFiles = Object.fromEntries(
  compilers
    .listFiles(miniRoot, '')
    .filter((f) => UPLOADED.test(f) && f !== 'project.config.json')
    .map((f) => [f, fs.statSync(path.join(miniRoot, f)).size]),
)

// ——— 1. DevTools' compile, offline ———
const ci = require('miniprogram-ci')
const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config')
// The compiler leaves empty temp folders in the working directory: give it one of its own.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-weapp-check-'))
const cwd = process.cwd()
process.chdir(scratch)
const project = new ci.Project({
  appid: projectConfig.appid || 'touristappid',
  type: 'miniProgram',
  projectPath,
  // Never read: with attr() injected, nothing is fetched with a key (the constructor wants a string).
  privateKey: 'offline-check-no-key',
  ignores: ['node_modules/**/*'],
  attr: async () => DefaultProjectAttr,
})
const setting = projectConfig.setting ?? {}
note('miniprogram-ci logs "[error] …getwhiteextlist…" when offline: it then uses its built-in whitelist of file types (expected)')
let compiled = null
const started = Date.now()
try {
  // useProjectConfig: compile exactly as DevTools will for this project (es6, enhance, minify…).
  compiled = await ci.getCompiledResult({ project, version: '0.0.0', setting: { useProjectConfig: true }, onProgressUpdate: () => {} })
  ok(`miniprogram-ci compile (es6→es5: ${Boolean(setting.es6)}, enhance: ${Boolean(setting.enhance)}, minified: ${Boolean(setting.minified)}): ${Object.keys(compiled).length} files in ${Date.now() - started} ms`)
} catch (error) {
  // DevTools' errors carry the file apart from the message (`path`), e.g. `pages/a/index.wxml` + `3:3:unexpected end tag`.
  const file = error && typeof error === 'object' && typeof error.path === 'string' ? `${error.path}:` : ''
  fail(`miniprogram-ci compile: ${file}${error instanceof Error ? error.message : String(error?.message ?? error)}`)
}

let compiledSizes = null
if (compiled) {
  // ——— 2. ES5 ———
  const modern = []
  for (const [file, content] of Object.entries(compiled)) {
    if (!file.endsWith('.js')) continue
    try {
      acorn.parse(String(content), { ecmaVersion: 5, sourceType: 'script' })
    } catch (error) {
      const loc = error.loc ? `:${error.loc.line}:${error.loc.column + 1}` : ''
      modern.push(`${path.posix.join(projectConfig.miniprogramRoot ?? '', file)}${loc}: ${error.message.replace(/ \(\d+:\d+\)$/, '')}`)
    }
  }
  if (modern.length === 0) ok(`compiled output is ES5: ${Object.keys(compiled).filter((f) => f.endsWith('.js')).length} .js files parse as ECMAScript 5`)
  else {
    fail(`compiled output is not ES5 (project.config.json setting.es6=${Boolean(setting.es6)}; old iOS JavaScriptCore cannot parse it): ${modern.length} file(s)`)
    for (const m of modern.slice(0, 20)) console.log(`       ${m}`)
  }

  // ——— 3. sizes ———
  const files = Object.fromEntries(
    Object.entries(compiled)
      .filter(([file]) => file !== 'project.config.json')
      .map(([file, content]) => [file, Buffer.byteLength(content)]),
  )
  compiledSizes = sizesByPackage(files)
  const total = Object.values(compiledSizes).reduce((a, b) => a + b, 0)
  const raw = sizesByPackage(rawFiles)
  console.log('     package              raw (dist)   compiled (ES5 + minify)   limit')
  for (const [name, bytes] of Object.entries(compiledSizes)) {
    const limit = name === 'main' ? Math.min(mainBudget, PACKAGE_LIMIT) : PACKAGE_LIMIT
    console.log(`     ${name.padEnd(20)} ${kib(raw[name]).padStart(12)}   ${kib(bytes).padStart(23)}   ${kib(limit)}`)
    if (bytes > limit) fail(`${name === 'main' ? 'main package' : `subpackage ${name}`}: ${kib(bytes)} after compile, over ${name === 'main' && mainBudget < PACKAGE_LIMIT ? 'our budget' : "WeChat's limit"} of ${kib(limit)}`)
  }
  console.log(`     ${'total'.padEnd(20)} ${kib(Object.values(raw).reduce((a, b) => a + b, 0)).padStart(12)}   ${kib(total).padStart(23)}   ${kib(TOTAL_LIMIT)}`)
  if (total > TOTAL_LIMIT) fail(`the whole mini-program: ${kib(total)} after compile, over WeChat's limit of ${kib(TOTAL_LIMIT)}`)
  if (jsonOut) {
    fs.writeFileSync(path.resolve(cwd, jsonOut), `${JSON.stringify({ raw, compiled: compiledSizes, total, mainBudget }, null, 2)}\n`)
  }
}

// ——— 4. DevTools' code-quality scan ———
try {
  const quality = await ci.checkCodeQuality(project)
  for (const item of quality) {
    const detail = item.name === 'PACKAGE_SIZE_LIMIT' && item.detail ? ` ${JSON.stringify(item.detail)}` : ''
    if (item.success) ok(`quality ${item.name}${detail}`)
    else fail(`quality ${item.name}: ${item.text}${item.detail ? ` ${JSON.stringify(item.detail)}` : ''}`)
  }
} catch (error) {
  fail(`miniprogram-ci checkCodeQuality: ${error instanceof Error ? error.message : String(error)}`)
}
process.chdir(cwd)
fs.rmSync(scratch, { recursive: true, force: true })

// ——— 5. wcc and wcsc ———
const wxml = compilers.compileWxml(miniRoot)
if (wxml.ok) ok(`wcc: ${wxml.files} .wxml/.wxs files compiled`)
else fail(`wcc: ${wxml.error}`)
const wxssFiles = compilers.listFiles(miniRoot, '.wxss')
let wxssFailed = 0
for (const file of wxssFiles) {
  const result = compilers.compileWxss(miniRoot, file)
  if (!result.ok) {
    wxssFailed += 1
    fail(`wcsc ${file}: ${result.error.split('\n')[0]}${excerpt(file, result.error)}`)
  }
}
if (wxssFailed === 0) ok(`wcsc: ${wxssFiles.length} .wxss files compiled (each with its imports)`)

/** Sass output is one long line: show the rule around wcsc's (line:col). */
function excerpt(file, error) {
  const m = /\((\d+):(\d+)\)/.exec(error)
  if (!m) return ''
  const line = fs.readFileSync(path.join(miniRoot, file), 'utf8').split('\n')[Number(m[1]) - 1] ?? ''
  const col = Number(m[2]) - 1
  return ` — near \`${line.slice(Math.max(0, col - 40), col + 20)}\``
}

// ——— 6. the project as DevTools opens it ———
const sitemapFile = appJson.sitemapLocation ? path.join(miniRoot, appJson.sitemapLocation) : null
if (!sitemapFile || !fs.existsSync(sitemapFile)) fail('app.json: no sitemapLocation / sitemap.json (every page would be indexed by WeChat search)')
else {
  const rules = JSON.parse(fs.readFileSync(sitemapFile, 'utf8')).rules ?? []
  const leaking = rules.filter((r) => r.action !== 'disallow' && (r.page === '*' || roots.some((root) => String(r.page).startsWith(root))))
  const last = rules[rules.length - 1]
  if (leaking.length > 0) fail(`${appJson.sitemapLocation}: allows ${leaking.map((r) => r.page).join(', ')} (subpackage pages are for staff and heads)`)
  else if (!last || last.action !== 'disallow' || last.page !== '*') fail(`${appJson.sitemapLocation}: must end with {"action":"disallow","page":"*"}`)
  else ok(`${appJson.sitemapLocation}: indexes only ${rules.filter((r) => r.action === 'allow').map((r) => r.page).join(', ')}`)
}

// DevTools lists every folder under cloudfunctionRoot as a deployable cloud function.
if (projectConfig.cloudfunctionRoot) {
  const fnRoot = path.join(projectPath, projectConfig.cloudfunctionRoot)
  if (!fs.existsSync(fnRoot)) note(`${projectConfig.cloudfunctionRoot} does not exist yet (npm run build:functions writes it)`)
  else {
    const folders = fs.readdirSync(fnRoot, { withFileTypes: true }).filter((e) => e.isDirectory())
    const notFunctions = folders.filter((d) => !fs.existsSync(path.join(fnRoot, d.name, 'package.json')))
    if (notFunctions.length > 0) fail(`${projectConfig.cloudfunctionRoot}: ${notFunctions.map((d) => d.name).join(', ')} would show in DevTools as cloud functions but are not (no package.json)`)
    else ok(`${projectConfig.cloudfunctionRoot}: cloud functions ${folders.map((d) => d.name).join(', ') || '(none)'}`)
  }
}

// Privacy APIs the built code calls (`x.chooseImage(`, `open-type` values), each to be listed in README.
const privacyUsed = new Map()
for (const file of [...compilers.listFiles(miniRoot, '.js'), ...compilers.listFiles(miniRoot, '.wxml')]) {
  const text = fs.readFileSync(path.join(miniRoot, file), 'utf8')
  for (const { item, apis } of PRIVACY_DECLARATIONS) {
    for (const api of apis) {
      const called = new RegExp(`\\.${api}\\s*\\)?\\s*\\(|\\[["']${api}["']\\]\\s*\\(`).test(text)
      const openType = new RegExp(`(openType|open-type|type)\\s*[:=]\\s*["']${api}["']`).test(text)
      if (!called && !openType) continue
      const entry = privacyUsed.get(api) ?? { item, files: new Set() }
      entry.files.add(file)
      privacyUsed.set(api, entry)
    }
  }
}
const readme = fs.existsSync(readmePath) ? fs.readFileSync(readmePath, 'utf8') : ''
const undeclared = [...privacyUsed].filter(([api]) => !readme.includes(`\`${api}\``))
for (const [api, { item, files }] of undeclared) {
  fail(`privacy: the build calls ${api} (${[...files].slice(0, 3).join(', ')}), which needs 「${item}」 in the console's 用户隐私保护指引, but ${path.basename(readmePath)} does not list \`${api}\``)
}
if (undeclared.length === 0) {
  ok(`privacy: ${privacyUsed.size === 0 ? 'no privacy API called' : [...privacyUsed].map(([api, { item }]) => `${api} (${item})`).join(', ')} — all listed in ${path.basename(readmePath)}`)
}

// Accessibility: WeChat's screen reader reads aria-role / aria-label, which Taro drops unless the
// build injects them (config/weapp-aria.js). The generic templates must write them out for view and text.
// Only a Taro build has the generic templates (base.wxml) that every page renders through.
if (!fs.existsSync(path.join(miniRoot, 'base.wxml'))) note('a11y: no base.wxml (not a Taro build): attribute pass-through not checked')
else {
  const templates = fs.readFileSync(path.join(miniRoot, 'base.wxml'), 'utf8')
  const missing = ['aria-role', 'aria-label', 'aria-checked'].filter((attr) => !new RegExp(`${attr}="\\{\\{`).test(templates))
  if (missing.length > 0) fail(`a11y: the WXML templates do not pass ${missing.join(', ')} through (is config/weapp-aria.js in the build's plugins?)`)
  else ok('a11y: aria-role, aria-label and aria-checked reach the WXML templates')

  // Text size: styles are rem, measured against each page's page-meta root-font-size, which the
  // page fills from the reader's text size and 关怀模式 (config/weapp-text-scale.js). A page without
  // it, or rpx in the styles, would not follow the reader's text size.
  const pages = [
    ...(appJson.pages ?? []),
    ...(appJson.subPackages ?? appJson.subpackages ?? []).flatMap((p) => (p.pages ?? []).map((page) => `${String(p.root).replace(/^\/+|\/+$/g, '')}/${page}`)),
  ]
  const withoutRoot = pages.filter((page) => {
    const file = path.join(miniRoot, `${page}.wxml`)
    return !fs.existsSync(file) || !/<page-meta\b[^>]*\broot-font-size="\{\{/.test(fs.readFileSync(file, 'utf8'))
  })
  if (withoutRoot.length > 0) {
    fail(`text size: ${withoutRoot.length} page(s) have no page-meta root-font-size (${withoutRoot.slice(0, 3).join(', ')}): is config/weapp-text-scale.js in the build's plugins?`)
  } else ok(`text size: all ${pages.length} pages set the page-meta root-font-size their rem styles follow`)
  const inRpx = compilers.listFiles(miniRoot, '.wxss').filter((f) => /\d\s*rpx\b/.test(fs.readFileSync(path.join(miniRoot, f), 'utf8')))
  if (inRpx.length > 0) fail(`text size: ${inRpx.slice(0, 3).join(', ')} size things in rpx, which ignores the reader's text size (pxtransform targetUnit should be rem)`)
  else ok('text size: no rpx in the styles (rem throughout)')
}

console.log(problems.length === 0 ? 'all WeChat checks passed' : `${problems.length} problem(s): WeChat would not accept this build as it is`)
// The compiler's forked worker keeps node alive.
process.exit(problems.length === 0 ? 0 : 1)
