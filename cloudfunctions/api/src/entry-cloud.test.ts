import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Member } from '../../../types'
import { sampleMember } from '../../core/adapters/store-contract'
import { openSqliteStore } from '../../core/adapters/sqlite'
import type { Store } from '../../core/shared/store'
import { createCloudHandler, openidFromContext, type CloudHandler } from './entry-cloud'
import { silentLogger } from '../../runtime/logger'
import { createApi } from './router'
import { testServices } from './test-support'

/** A fake invocation context of the new runtime: the platform's variables as a JSON string. */
const contextFor = (openid: string) => ({ environment: JSON.stringify({ WX_OPENID: openid, WX_APPID: 'wx-test' }) })

/** Every place a client might try to smuggle an identity into the request body. */
const forged = (victim: string) => ({
  openid: victim,
  OPENID: victim,
  userInfo: { openId: victim, appId: 'wx-test' },
})

describe('cloud entry: the caller is who the context says', () => {
  let dir: string
  let store: Store
  let handle: CloudHandler

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-entry-cloud-'))
    store = openSqliteStore({ file: path.join(dir, 'store.db') })
    await store.members.create(sampleMember('o-caller'))
    await store.members.create({ ...sampleMember('o-victim'), name: '受害者' })
    const api = createApi({ ...testServices, store, config: { staffOpenids: new Set() }, logger: silentLogger })
    // The real getter, fed fake contexts: no SDK network call happens.
    handle = createCloudHandler({ getOpenid: openidFromContext, api })
  })

  afterEach(async () => {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('answers member.me for the context openid, ignoring openids in the event and payload', async () => {
    const event = { action: 'member.me', ...forged('o-victim'), payload: forged('o-victim') }
    const result = await handle(event, contextFor('o-caller'))
    expect(result.ok).toBe(true)
    expect(result.ok && (result.data as Member).openid).toBe('o-caller')
  })

  it('is unauthenticated without a context identity, whatever the event claims', async () => {
    const event = { action: 'member.me', ...forged('o-victim'), payload: forged('o-victim') }
    const result = await handle(event, {})
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })
  })

  it("writes to the context caller's record only", async () => {
    const event = { action: 'member.update', ...forged('o-victim'), payload: { name: '新名字', ...forged('o-victim') } }
    const result = await handle(event, contextFor('o-caller'))
    expect(result.ok).toBe(true)
    expect((await store.members.get('o-caller'))?.name).toBe('新名字')
    expect((await store.members.get('o-victim'))?.name).toBe('受害者')
  })
})

describe('openidFromContext', () => {
  const saved = { keys: process.env.WX_CONTEXT_KEYS, openid: process.env.WX_OPENID }
  afterEach(() => {
    for (const [name, value] of [
      ['WX_CONTEXT_KEYS', saved.keys],
      ['WX_OPENID', saved.openid],
    ] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('reads WX_OPENID from context.environment (current runtime)', () => {
    expect(openidFromContext(contextFor('o-new'))).toBe('o-new')
  })

  it('reads WX_OPENID from context.environ (old runtime)', () => {
    expect(openidFromContext({ environ: 'WX_OPENID=o-old;WX_APPID=wx-test' })).toBe('o-old')
  })

  it('falls back to the per-invocation environment variables the platform injects', () => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
    process.env.WX_OPENID = 'o-env'
    expect(openidFromContext({})).toBe('o-env')
    // The context wins over the process environment.
    expect(openidFromContext(contextFor('o-ctx'))).toBe('o-ctx')
  })

  it('is null when nothing names a caller, or the context is unreadable', () => {
    delete process.env.WX_CONTEXT_KEYS
    delete process.env.WX_OPENID
    expect(openidFromContext(undefined)).toBeNull()
    expect(openidFromContext({ openid: 'o-forged', OPENID: 'o-forged' })).toBeNull()
    expect(openidFromContext(contextFor(''))).toBeNull()
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {})
    expect(openidFromContext({ environment: '{not json' })).toBeNull()
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('api.identity_unreadable'))
    logged.mockRestore()
  })
})
