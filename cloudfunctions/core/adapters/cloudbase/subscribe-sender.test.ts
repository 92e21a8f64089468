import { formatKeywordValue, MESSAGE_FIELDS, parseKeywordMap } from './subscribe-keywords'
import { wxSubscribeSender, SUBSCRIBE_API } from './subscribe-sender'
import { answerOf, paramsOf } from './testing/open-api-wire'

const noticeKeys = parseKeywordMap('title:thing1,sender:thing2,time:time3', MESSAGE_FIELDS.notice)

describe('wxSubscribeSender', () => {
  it("sends the values under the template's keywords, each written as its type wants, to the configured version", async () => {
    const calls: { apiName: string; requestData: Buffer }[] = []
    if (typeof noticeKeys === 'string') throw new Error(noticeKeys)
    const sender = wxSubscribeSender(
      {
        callCompatibleWxOpenApi: async (options) => {
          calls.push(options)
          return answerOf({ errcode: 0, errmsg: 'ok' })
        },
      },
      { keywords: new Map([['tpl-1', noticeKeys]]), miniprogramState: 'trial' },
    )
    const result = await sender.send({
      openid: 'o-1',
      templateId: 'tpl-1',
      page: 'pages/notice/index?id=n',
      data: { title: '驻马店市2027年暑期社会实践报名开始啦请同学们按时报名', sender: '共青团驻马店市委', time: '2026-09-01T10:00:00.000+08:00' },
    })
    expect(result).toEqual({ errcode: 0 })
    expect(calls[0]!.apiName).toBe(SUBSCRIBE_API)
    expect(paramsOf(calls[0]!.requestData)).toEqual({
      touser: 'o-1',
      template_id: 'tpl-1',
      page: 'pages/notice/index?id=n',
      miniprogram_state: 'trial',
      lang: 'zh_CN',
      data: {
        thing1: { value: '驻马店市2027年暑期社会实践报名开始啦' },
        thing2: { value: '共青团驻马店市委' },
        time3: { value: '2026-09-01 10:00' },
      },
    })
  })

  it('never sends a template it has no keyword map for (it would fail with 47003)', async () => {
    const calls: unknown[] = []
    const sender = wxSubscribeSender(
      { callCompatibleWxOpenApi: async (options) => (calls.push(options), answerOf({ errcode: 0 })) },
      { keywords: new Map(), miniprogramState: 'formal' },
    )
    await expect(sender.send({ openid: 'o', templateId: 'tpl-unknown', page: 'p', data: { title: 'x' } })).rejects.toThrow(/keyword map/)
    expect(calls).toEqual([])
  })

  it('returns WeChat’s errcode (43101: no authorisation left) instead of throwing', async () => {
    if (typeof noticeKeys === 'string') throw new Error(noticeKeys)
    const sender = wxSubscribeSender(
      { callCompatibleWxOpenApi: async () => answerOf({ errcode: 43101, errmsg: 'user refuse' }) },
      { keywords: new Map([['t', noticeKeys]]), miniprogramState: 'formal' },
    )
    expect(await sender.send({ openid: 'o', templateId: 't', page: 'p', data: {} })).toEqual({ errcode: 43101 })
  })
})

describe('subscribe-message keywords', () => {
  it('writes each type within its rules', () => {
    expect(formatKeywordValue('thing1', '一二三四五六七八九十一二三四五六七八九十多出来')).toHaveLength(20)
    expect(formatKeywordValue('phrase3', '候补成功，已为你保留名额')).toBe('候补成功已')
    expect(formatKeywordValue('name2', '一个非常非常长的名字超过十个字')).toBe('一个非常非常长的名字')
    expect(formatKeywordValue('time4', '2026-07-20T09:00:00+08:00')).toBe('2026-07-20 09:00')
    expect(formatKeywordValue('date5', '2026-07-20 09:00')).toBe('2026-07-20')
    expect(formatKeywordValue('thing6', '  ')).toBe('—')
  })

  it('maps every field of the message to one keyword of a known type, or says in Chinese what is wrong', () => {
    expect(parseKeywordMap('title:thing1, time:time2, place:thing3', MESSAGE_FIELDS.reminder)).toEqual({ title: 'thing1', time: 'time2', place: 'thing3' })
    expect(parseKeywordMap('title:thing1,time:time2', MESSAGE_FIELDS.reminder)).toMatch(/缺少字段 place/)
    expect(parseKeywordMap('title:title1,time:time2,place:thing3', MESSAGE_FIELDS.reminder)).toMatch(/title1 不是订阅消息关键词/)
    expect(parseKeywordMap('title:thing1,time:thing1,place:thing3', MESSAGE_FIELDS.reminder)).toMatch(/thing1 出现了两次/)
    expect(parseKeywordMap('title=thing1', MESSAGE_FIELDS.reminder)).toMatch(/字段:关键词/)
    expect(parseKeywordMap('venue:thing1', MESSAGE_FIELDS.reminder)).toMatch(/没有字段 venue/)
  })
})
