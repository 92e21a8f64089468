import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// The checker itself, fed a tiny mini-program: it must pass the clean one and fail each broken
// copy naming the file, so a `*` selector or an unclosed tag can never slip through `npm test`.
const repo = path.resolve(__dirname, '..', '..')
const fixture = path.join(__dirname, 'fixture')
const page = 'miniprogram/pages/index/index'

function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-weapp-fixture-'))
  fs.cpSync(fixture, dir, { recursive: true })
  return dir
}

function check(dir: string, extra: string[] = []) {
  const run = spawnSync(process.execPath, [path.join(repo, 'scripts', 'weapp-check.mjs'), '--project', dir, ...extra], {
    encoding: 'utf8',
    timeout: 240_000,
  })
  const failures = run.stdout.split('\n').filter((line) => line.startsWith('FAIL'))
  return { status: run.status, out: run.stdout + run.stderr, failures }
}

const dirs: string[] = []
function broken(edit: (dir: string) => void): string {
  const dir = copyFixture()
  dirs.push(dir)
  edit(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

test('a clean mini-program passes every check and its compiled size is printed', () => {
  const result = check(broken(() => {}))
  expect(result.failures).toEqual([])
  expect(result.status).toBe(0)
  expect(result.out).toMatch(/compiled output is ES5/)
  expect(result.out).toMatch(/main\s+[\d.]+ KiB\s+[\d.]+ KiB/)
})

/** The fixture as a Taro build: generic templates (base.wxml) and a page that renders through them. */
function asTaroBuild(d: string, attrs: string, page = PAGE_WITH_ROOT) {
  fs.writeFileSync(path.join(d, 'miniprogram', 'base.wxml'), `<template name="tmpl_0_view"><view ${attrs} class="{{i.cl}}"></view></template>\n`)
  fs.writeFileSync(path.join(d, 'miniprogram', 'pages', 'index', 'index.wxml'), page)
}
const ARIA = 'aria-role="{{i.p5}}" aria-label="{{i.p4}}" aria-checked="{{i.p1}}"'
const PAGE_WITH_ROOT = '<import src="../../base.wxml"/>\n<page-meta root-font-size="{{pageMeta.p3}}"></page-meta>\n<view class="card">{{name}}</view>\n'

test('a Taro build whose templates drop aria-role / aria-label fails; one that writes them passes', () => {
  const dropped = check(broken((d) => asTaroBuild(d, '')))
  expect(dropped.status).toBe(1)
  expect(dropped.failures.join('\n')).toMatch(/a11y: the WXML templates do not pass aria-role, aria-label, aria-checked through/)
  const kept = check(broken((d) => asTaroBuild(d, ARIA)))
  expect(kept.failures).toEqual([])
  expect(kept.out).toMatch(/text size: all 1 pages set the page-meta root-font-size/)
})

test('a Taro build with a page that sets no root font size, or styles in rpx, fails: text would not follow the reader', () => {
  // One run for both (each run of the checker costs half a minute here).
  const result = check(
    broken((d) => {
      asTaroBuild(d, ARIA, '<import src="../../base.wxml"/>\n<view class="card">{{name}}</view>\n')
      fs.appendFileSync(path.join(d, 'miniprogram', 'app.wxss'), '.btn { font-size: 32rpx; }\n')
    }),
  )
  expect(result.status).toBe(1)
  expect(result.failures.join('\n')).toMatch(/text size: 1 page\(s\) have no page-meta root-font-size \(pages\/index\/index\)/)
  expect(result.failures.join('\n')).toMatch(/text size: app\.wxss size things in rpx/)
})

test('a .wxss with a `*` selector fails, naming the file and position', () => {
  const dir = broken((d) => fs.appendFileSync(path.join(d, `${page}.wxss`), '.card > * + * { margin-left: 8px; }\n'))
  const result = check(dir)
  expect(result.status).toBe(1)
  expect(result.failures.join('\n')).toMatch(/wcsc pages\/index\/index\.wxss: .*pages\/index\/index\.wxss\(\d+:\d+\): error at token `\*`/)
})

test('a .wxml with an unclosed tag fails, naming the file and line', () => {
  const dir = broken((d) => fs.writeFileSync(path.join(d, `${page}.wxml`), '<view class="card">\n  <text>{{name}}\n</view>\n'))
  const result = check(dir)
  expect(result.status).toBe(1)
  const failures = result.failures.join('\n')
  expect(failures).toMatch(/miniprogram-ci compile: pages\/index\/index\.wxml:3:3:unexpected end tag: view/)
  expect(failures).toMatch(/wcc: pages\/index\/index\.wxml:\d+:\d+: expect end-tag `text`/)
})

test('ES2020 output without ES5 compile, an undeclared privacy API and a main package over budget each fail', () => {
  const dir = broken((d) => {
    const config = path.join(d, 'project.config.json')
    const json = JSON.parse(fs.readFileSync(config, 'utf8'))
    fs.writeFileSync(config, JSON.stringify({ ...json, setting: { ...json.setting, es6: false, enhance: false } }))
    fs.writeFileSync(
      path.join(d, `${page}.js`),
      "Page({ data: { name: globalThis.x?.name ?? '翼展' }, pick() { wx.chooseMessageFile({ count: 1 }) } })\n",
    )
  })
  const result = check(dir, ['--main-budget-kib', '0.1'])
  const failures = result.failures.join('\n')
  expect(result.status).toBe(1)
  expect(failures).toMatch(/compiled output is not ES5/)
  expect(result.out).toMatch(/miniprogram\/pages\/index\/index\.js:1:\d+/)
  expect(failures).toMatch(/privacy: the build calls chooseMessageFile \(pages\/index\/index\.js\).*does not list `chooseMessageFile`/)
  expect(failures).toMatch(/main package: [\d.]+ KiB after compile, over our budget/)
})
