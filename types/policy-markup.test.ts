import { htmlToMarkup, insertMarkup, markupToHtml } from './policy-markup'

describe('policy markup → HTML', () => {
  it('headings (## ### ####) are blocks of their own', () => {
    expect(markupToHtml('## 补贴标准\n### 博士\n#### 说明')).toBe('<h2>补贴标准</h2><h3>博士</h3><h4>说明</h4>')
    // `#` alone (h1) and no space are not headings: kept as text.
    expect(markupToHtml('# 大标题\n##没有空格')).toBe('<p># 大标题<br />##没有空格</p>')
  })

  it('consecutive - / * lines are one bullet list; 1. lines a numbered list', () => {
    expect(markupToHtml('- 博士 20万元\n* 硕士 5万元')).toBe('<ul><li>博士 20万元</li><li>硕士 5万元</li></ul>')
    expect(markupToHtml('1. 提交材料\n2. 审核')).toBe('<ol><li>提交材料</li><li>审核</li></ol>')
    expect(markupToHtml('说明\n- 一\n- 二\n结尾')).toBe('<p>说明</p><ul><li>一</li><li>二</li></ul><p>结尾</p>')
  })

  it('bold and links inline, anywhere in a line', () => {
    expect(markupToHtml('博士给予**20万元**安家费')).toBe('<p>博士给予<strong>20万元</strong>安家费</p>')
    expect(markupToHtml('- 详见[原文](https://www.zhumadian.gov.cn/a?x=1&y=2)')).toBe(
      '<ul><li>详见<a href="https://www.zhumadian.gov.cn/a?x=1&amp;y=2">原文</a></li></ul>',
    )
    expect(markupToHtml('[**重点**](http://a.cn)')).toBe('<p><a href="http://a.cn"><strong>重点</strong></a></p>')
  })

  it('only http/https links become links; others are shown as the text typed', () => {
    expect(markupToHtml('[点我](javascript:alert(1))')).toBe('<p>[点我](javascript:alert(1))</p>')
    expect(markupToHtml('[点我](javascript:alert)')).toBe('<p>[点我](javascript:alert)</p>')
    expect(markupToHtml('[邮件](mailto:a@b.cn) [相对](/x)')).toBe('<p>[邮件](mailto:a@b.cn) [相对](/x)</p>')
    expect(markupToHtml('[x](https://a.cn/"onclick="y)')).toBe('<p>[x](https://a.cn/&quot;onclick=&quot;y)</p>')
  })

  it('a blank line starts a paragraph; a single line break stays a line break', () => {
    expect(markupToHtml('第一段\n第一段续\n\n\n第二段\r\n\r\n第三段')).toBe('<p>第一段<br />第一段续</p><p>第二段</p><p>第三段</p>')
    expect(markupToHtml('  \n\n ')).toBe('')
  })

  it('raw HTML typed by staff is escaped: shown as text, never rendered', () => {
    expect(markupToHtml('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
    expect(markupToHtml('## <b onclick="x()">标题</b>')).toBe('<h2>&lt;b onclick=&quot;x()&quot;&gt;标题&lt;/b&gt;</h2>')
    expect(markupToHtml('A & B < C')).toBe('<p>A &amp; B &lt; C</p>')
  })
})

describe('stored HTML → markup (the editor opens any stored body, including pre-markup HTML ones)', () => {
  it('round-trips what the markup produces', () => {
    const markup = '## 补贴标准\n\n- 博士：**20万元**\n- 硕士：5万元\n\n1. 申请\n2. 审核\n\n详见[原文](https://a.cn/?a=1&b=2)\n第二行 A<B\n\n### 附则'
    expect(htmlToMarkup(markupToHtml(markup))).toBe(markup)
    expect(markupToHtml(htmlToMarkup(markupToHtml(markup)))).toBe(markupToHtml(markup))
  })

  it('reads legacy HTML: b and strong are bold, em and other tags keep their text, bare links keep theirs', () => {
    const legacy = '<h2>补贴标准</h2><ul><li>博士研究生：安家费20万元</li></ul><p>驻马店籍<b>上浮</b><em>10%</em>。</p><a>点我</a>'
    expect(htmlToMarkup(legacy)).toBe('## 补贴标准\n\n- 博士研究生：安家费20万元\n\n驻马店籍**上浮**10%。\n\n点我')
  })
})

describe('toolbar insertion', () => {
  it('inline tools go at the cursor, the cursor after them', () => {
    expect(insertMarkup('博士安家费', 2, 'bold')).toEqual({ text: '博士**加粗文字**安家费', cursor: 10 })
    expect(insertMarkup('见', null, 'link')).toEqual({ text: '见[链接文字](https://)', cursor: 17 })
  })

  it('a heading starts a new block, a list item a new line; an unknown cursor means the end', () => {
    expect(insertMarkup('', undefined, 'heading').text).toBe('## 小标题')
    expect(insertMarkup('第一段', 99, 'heading').text).toBe('第一段\n\n## 小标题')
    expect(insertMarkup('第一段\n', null, 'heading').text).toBe('第一段\n\n## 小标题')
    expect(insertMarkup('- 一', null, 'list').text).toBe('- 一\n- 列表项')
    const mid = insertMarkup('前文后文', 2, 'list')
    expect(mid.text).toBe('前文\n- 列表项\n后文')
    expect(mid.text.slice(0, mid.cursor)).toBe('前文\n- 列表项')
  })
})
