import { actionSchemas } from './actions'
import { IMPORT_COLUMNS, importHeader } from './imports'

describe('import contract', () => {
  it('names the header row of each kind with what a file must have', () => {
    expect(importHeader('station')).toEqual({ known: ['学校', '所在城市', '驿站名称', '驿站简介'], required: ['学校', '所在城市'] })
    expect(importHeader('policy').required).toEqual(['标题', '类别', '摘要', '正文'])
    expect(importHeader('demand').required).not.toContain('最低月薪')
    expect(IMPORT_COLUMNS.demand.map((c) => c.name)).toContain('截止日期')
  })

  it('each import action has its own schema, and each takes only a spreadsheet', () => {
    const schemas = [actionSchemas['station.import'], actionSchemas['policy.import'], actionSchemas['demand.import']]
    expect(new Set(schemas).size).toBe(3)
    for (const schema of schemas) {
      expect(schema.safeParse({ filename: '名单.xlsx', contentBase64: 'UEsDBA==' }).success).toBe(true)
      const bad = schema.safeParse({ filename: '名单.pdf', contentBase64: 'UEsDBA==' })
      expect(bad.success ? null : bad.error.issues[0]!.message).toBe('只支持 .xlsx 或 .csv 文件')
    }
  })
})
