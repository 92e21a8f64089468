import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { compileWxml } from '../../scripts/weapp/wechat-compilers'
import { AppService } from './app-service'

// The sandbox must fail a page the way WeChat would: a browser global, a throw in a lifecycle, a
// page that never registers. Otherwise "zero errors" would prove nothing. (A promise left to fail
// fails the jest test itself: the sandbox shares Node's unhandled-rejection tracking.)
let dist: string

beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-app-service-'))
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true })
    fs.writeFileSync(path.join(dist, file), text)
  }
  write('app.js', 'App({ onLaunch() { wx.cloud.init({ env: "e1" }) } })\n')
  const page = (name: string, js: string) => {
    write(`pages/${name}/index.js`, js)
    write(`pages/${name}/index.wxml`, '<view><text>{{title}}</text></view>\n')
  }
  page('good', 'Page({ data: { title: "" }, onLoad(q) { wx.cloud.callFunction({ name: "api", data: { action: "x" } }).then((r) => this.setData({ title: r.result.title + q.id })) } })\n')
  page('browser', 'Page({ onLoad() { document.title = "x" } })\n')
  page('throws', 'Page({ onShow() { throw new Error("boom") } })\n')
  page('silent', 'var nothing = 1\n')
})
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }))

function sandbox() {
  const wxml = compileWxml(dist)
  if (!wxml.code) throw new Error(String(wxml.error))
  const app = new AppService({ dist, wxmlCode: wxml.code, callFunction: async () => ({ title: '驿站' }) })
  app.launch()
  return app
}

test('a page that loads data through the cloud renders it through wcc', async () => {
  const app = sandbox()
  const result = await app.mount('pages/good/index', { id: '-1' })
  app.dispose()
  expect(result.errors).toEqual([])
  expect(result.text).toBe('驿站-1')
  expect(result.cloudActions).toEqual(['x'])
  expect(app.cloudInit).toEqual([{ env: 'e1' }])
})

test('browser globals, throws and a missing Page() are each reported', async () => {
  const app = sandbox()
  const browser = await app.mount('pages/browser/index')
  const throws = await app.mount('pages/throws/index')
  const silent = await app.mount('pages/silent/index')
  app.dispose()
  expect(browser.errors.join('\n')).toMatch(/document is not defined/)
  expect(throws.errors.join('\n')).toMatch(/onShow: .*boom/)
  expect(silent.pageRegistered).toBe(false)
})
