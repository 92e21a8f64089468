import fs from 'node:fs'
import path from 'node:path'
import type { Story } from '../../../types'
import { createCloudHandler, mediaCheckEventOf, openidFromContext } from './entry-cloud'
import { data, makeTestApi, profile } from './test-support'

/** The platform's `wxa_media_check` push as the cloud function receives it (mediaCheckAsync 2.0). */
const push = (traceId: string, suggest: string, label = 100) => ({
  ToUserName: 'gh_38cc49f9733b',
  FromUserName: 'oH1fu0FdHqpToe2T6gBj0WyB8iS1',
  CreateTime: 1626959646,
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: 'wx8f16a5e626d4c4f1',
  trace_id: traceId,
  version: 2,
  detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
  errcode: 0,
  errmsg: 'ok',
  result: { suggest, label },
})

describe('cloud entry: the wxa_media_check push', () => {
  it('recognises the push by MsgType and Event, never a call that names an action', () => {
    expect(mediaCheckEventOf(push('t-1', 'pass'))).toEqual({ traceId: 't-1', suggest: 'pass', label: 100 })
    expect(mediaCheckEventOf({ ...push('t-1', 'pass'), action: 'member.me' })).toBeNull()
    expect(mediaCheckEventOf({ action: 'story.feed' })).toBeNull()
    expect(mediaCheckEventOf(null)).toBeNull()
  })

  it('routes the push to the story whose photo it answers, once', async () => {
    const t = makeTestApi({ staff: ['staff-1'] })
    try {
      data(await t.call('m1', 'member.register', profile()))
      const story = data(await t.call('m1', 'story.create', { title: '我的故事', body: '正文', photo: '/uploads/0123456789abcdef01234567.png' }))
      data(await t.call('m1', 'story.submit', { id: story.id }))
      const [traceId] = t.security.pending()
      const handle = createCloudHandler({ getOpenid: openidFromContext, api: t.api })
      expect(await handle(push(traceId!, 'review', 10001), {})).toEqual({ ok: true, data: { applied: true } })
      expect(await handle(push(traceId!, 'pass'), {})).toEqual({ ok: true, data: { applied: false } })
      const after = data(await t.call('m1', 'story.get', { id: story.id })).story as Story
      expect(after).toMatchObject({ status: 'human_review', mediaCheck: { suggest: 'review', labelName: '广告' } })
    } finally {
      await t.close()
    }
  })

  it('the api function may call both content-security APIs (else -604101)', () => {
    const config = JSON.parse(fs.readFileSync(path.join(__dirname, '../config.json'), 'utf8')) as { permissions: { openapi: string[] } }
    expect(config.permissions.openapi).toEqual(expect.arrayContaining(['security.msgSecCheck', 'security.mediaCheckAsync']))
  })
})
