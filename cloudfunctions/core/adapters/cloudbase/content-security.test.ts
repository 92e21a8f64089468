import { ContentSecurityError, MEDIA_CHECK_API, MSG_SEC_CHECK_API, wxContentSecurity, type ContentSecurityApp } from './content-security'
import { answerOf, paramsOf } from './testing/open-api-wire'

function appAnswering(...answers: unknown[]) {
  const calls: { apiName: string; params: Record<string, unknown> }[] = []
  const app: ContentSecurityApp = {
    async callCompatibleWxOpenApi({ apiName, requestData }) {
      calls.push({ apiName, params: paramsOf(requestData) })
      return answers.shift()
    },
    async getTempFileURL({ fileList }) {
      return { fileList: fileList.map((f) => ({ tempFileURL: `https://tmp.example/${f.fileID.split('/').pop()}?sign=1` })) }
    },
  }
  return { app, calls }
}

describe('wxContentSecurity', () => {
  it('asks msgSecCheck v2 (scene 3) through the open-API door and decides on result.suggest', async () => {
    const { app, calls } = appAnswering(
      answerOf({ errcode: 0, errmsg: 'ok', trace_id: 'tr-1', result: { suggest: 'risky', label: 20001 }, detail: [] }),
    )
    const answer = await wxContentSecurity(app).checkText({ openid: 'o-1', content: '正文', title: '标题' })
    expect(answer).toEqual({ traceId: 'tr-1', suggest: 'risky', label: 20001 })
    expect(calls[0]).toEqual({ apiName: MSG_SEC_CHECK_API, params: { openid: 'o-1', scene: 3, version: 2, content: '正文', title: '标题' } })
  })

  it('never reads errcode 0 as a pass: without result.suggest it fails (the story goes back to draft)', async () => {
    const { app } = appAnswering(answerOf({ errcode: 0, errmsg: 'ok' }), answerOf({ errcode: 40003, errmsg: 'invalid openid' }))
    const security = wxContentSecurity(app)
    await expect(security.checkText({ openid: 'o', content: 'x' })).rejects.toBeInstanceOf(ContentSecurityError)
    await expect(security.checkText({ openid: 'o', content: 'x' })).rejects.toThrow(/40003/)
  })

  it('fails plainly when the platform itself refuses (no permission: -604101)', async () => {
    const { app } = appAnswering({ code: '-604101', message: 'function has no permission to call this API' })
    await expect(wxContentSecurity(app).checkText({ openid: 'o', content: 'x' })).rejects.toThrow(/-604101/)
  })

  it('starts mediaCheckAsync v2 on a temporary https URL of the cloud file and keeps its trace id', async () => {
    const { app, calls } = appAnswering(answerOf({ errcode: 0, errmsg: 'ok', trace_id: 'tr-media' }))
    const security = wxContentSecurity(app)
    const url = await security.fetchableUrl('cloud://env-1.bucket/activity-covers/a.jpg')
    expect(url).toBe('https://tmp.example/a.jpg?sign=1')
    expect(await security.startMediaCheck({ openid: 'o-2', url })).toEqual({ traceId: 'tr-media' })
    expect(calls[0]).toEqual({ apiName: MEDIA_CHECK_API, params: { media_url: url, media_type: 2, version: 2, scene: 3, openid: 'o-2' } })
  })

  it('fails when mediaCheckAsync gives no trace id', async () => {
    const { app } = appAnswering(answerOf({ errcode: 45009, errmsg: 'reach max api daily quota limit' }))
    await expect(wxContentSecurity(app).startMediaCheck({ openid: 'o', url: 'https://x' })).rejects.toThrow(/45009/)
  })
})
