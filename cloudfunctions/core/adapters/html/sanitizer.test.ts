import { POLICY_HTML, sanitizePolicyHtml } from '../../policy/rich-text'
import { htmlSanitizer } from './sanitizer'

const clean = (html: string) => sanitizePolicyHtml(htmlSanitizer, html)

describe('policy HTML through the sanitize-html adapter', () => {
  it('keeps headings, paragraphs, lists, bold and http(s) links', async () => {
    const html = '<h2>安家补贴</h2><p>博士<strong>20万元</strong></p><ul><li>一</li></ul><a href="https://www.zhumadian.gov.cn/">原文</a>'
    expect(await clean(html)).toBe(html)
  })

  it('drops scripts with their content, event handlers, styles and javascript: links', async () => {
    const out = await clean('<p onclick="steal()" style="color:red">正文</p><script>alert(1)</script><a href="javascript:alert(1)">点我</a>')
    expect(out).toBe('<p>正文</p><a>点我</a>')
  })

  it('the allow-list is the domain’s: a tag it does not list is dropped, its text kept', async () => {
    expect(POLICY_HTML.tags).not.toContain('img')
    expect(await clean('<p>图<img src="x.png" onerror="x()">文</p><div>块</div>')).toBe('<p>图文</p>块')
  })
})
