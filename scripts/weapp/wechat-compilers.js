// WeChat's own WXML and WXSS compilers (`wcc`, `wcsc` from the `miniprogram-compiler` package), run
// the way DevTools runs them, for the weapp check and the page-mount suite.
// The package ships the binaries without the executable bit and its wrapper chmods them inside
// node_modules; we copy them to a temp folder instead, so node_modules is never written to.
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const vm = require('node:vm')

let binaries = null

function compilerBinaries() {
  if (binaries) return binaries
  if (process.platform !== 'linux' && process.platform !== 'darwin') throw new Error(`wcc/wcsc: no binaries for ${process.platform}`)
  const pkg = path.dirname(require.resolve('miniprogram-compiler/package.json'))
  const from = path.join(pkg, 'bin', process.platform === 'linux' ? 'linux' : 'mac')
  const { version } = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'))
  // One copy per compiler version and user, reused by every run (jest workers never see an exit
  // event to clean up after); filled under a temp name and renamed, so a half copy is never used.
  const dir = path.join(os.tmpdir(), `yizhan-wcc-${version}-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`)
  if (!fs.existsSync(path.join(dir, 'wcsc'))) {
    const staging = fs.mkdtempSync(`${dir}-staging-`)
    for (const name of ['wcc', 'wcsc']) {
      fs.copyFileSync(path.join(from, name), path.join(staging, name))
      fs.chmodSync(path.join(staging, name), 0o755)
    }
    try {
      fs.renameSync(staging, dir)
    } catch {
      // Another run got there first: use its copy.
      fs.rmSync(staging, { recursive: true, force: true })
    }
  }
  binaries = { wcc: path.join(dir, 'wcc'), wcsc: path.join(dir, 'wcsc') }
  return binaries
}

/** Every file under `root` ending in `ext`, as forward-slash paths relative to root, sorted. */
function listFiles(root, ext) {
  const out = []
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue
      const p = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(p)
      else if (entry.name.endsWith(ext)) out.push(path.relative(root, p).split(path.sep).join('/'))
    }
  }
  walk(root)
  return out.sort()
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/**
 * Compiles every .wxml and .wxs under root in one wcc run (as DevTools does: templates import each
 * other), with the custom-component table DevTools passes. Returns the generated JS or the error
 * text, which names the file and line (`pages/a/index.wxml:1:16: expect end-tag ...`).
 */
function compileWxml(root) {
  const wxml = listFiles(root, '.wxml')
  const wxs = listFiles(root, '.wxs')
  const components = []
  let withComponents = 0
  for (const file of wxml) {
    const json = readJson(path.join(root, file.replace(/\.wxml$/, '.json')))
    const names = json && json.usingComponents ? Object.keys(json.usingComponents) : []
    if (names.length === 0) continue
    withComponents += 1
    components.push(file, names.length, ...names)
  }
  const args = ['-d', '-cc', [withComponents, ...components].join(' '), ...wxml, ...wxs, '-gn', '$gwx']
  const run = spawnSync(compilerBinaries().wcc, args, { cwd: root, maxBuffer: 256 * 1024 * 1024 })
  if (run.error) throw run.error
  if (run.status !== 0) return { ok: false, error: run.stderr.toString().trim() || `wcc exited with ${run.status}`, files: wxml.length + wxs.length }
  return { ok: true, code: run.stdout.toString(), files: wxml.length + wxs.length }
}

/** The .wxss files a .wxss pulls in with @import, transitively, relative to root. */
function wxssImports(root, file, seen = new Set()) {
  const text = fs.readFileSync(path.join(root, file), 'utf8')
  for (const match of text.matchAll(/@import\s+(?:url\()?\s*["']([^"']+)["']/g)) {
    const target = match[1].startsWith('/')
      ? match[1].slice(1)
      : path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]))
    if (seen.has(target) || !fs.existsSync(path.join(root, target))) continue
    seen.add(target)
    wxssImports(root, target, seen)
  }
  return [...seen]
}

/** Compiles one .wxss (with its imports) through wcsc with lint on; the error names file(line:col). */
function compileWxss(root, file) {
  const imports = wxssImports(root, file).filter((f) => f !== file)
  const run = spawnSync(compilerBinaries().wcsc, ['-lc', '-db', file, ...imports], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
  if (run.error) throw run.error
  const stderr = run.stderr.toString().trim()
  // wcsc reports a missing import on stdout with status 0; a broken rule with status 1 and `ERR:`.
  if (run.status !== 0 || /ERR:/.test(stderr)) return { ok: false, error: stderr || `wcsc exited with ${run.status}`, imports }
  return { ok: true, imports }
}

/**
 * The `$gwx` template function that wcc generated, evaluated in a context of its own: templates
 * run in WeChat's view layer (a webview, which has `window`), never in the app service.
 */
function loadTemplates(code, onMessage = (level, text) => console[level](text)) {
  // The template runtime reports a missing template or a bad expression on its console.
  const report = (level) => (...args) => onMessage(level, args.map(String).join(' '))
  const view = vm.createContext({ console: { log: () => {}, info: () => {}, warn: report('warn'), error: report('error') } })
  view.window = view
  vm.runInContext(code, view, { filename: 'wcc-output.js' })
  return view.$gwx
}

module.exports = { compilerBinaries, listFiles, compileWxml, compileWxss, wxssImports, loadTemplates }
