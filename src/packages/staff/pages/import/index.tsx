import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { IMPORT_COLUMNS, type ImportKind, type ImportReport } from '../../../../../types'
import { importDemands, importPolicies } from '../../../../features/policy/api'
import { importStations } from '../../../../features/station/api'
import { importPlatforms } from '../../../../features/platform/api'
import { pickSpreadsheet } from '@/services/files'
import { errorMessage } from '../../../../services/api'
import StaffGate from '../../staff-gate'
import '../../staff.scss'
import './index.scss'

export default function ImportPage() {
  return <StaffGate>{() => <Importer />}</StaffGate>
}

/** What differs between the three imports; the columns come from the contract (types/imports.ts). */
const KINDS: Record<ImportKind, { title: string; noun: string; note: string; run: (filename: string, contentBase64: string) => Promise<ImportReport> }> = {
  station: {
    title: '批量导入驿站',
    noun: '个驿站',
    note: '驿站名称不填时为“学校名 + 翼展驿站”；同一所学校只能有一个开放中的驿站。',
    run: importStations,
  },
  policy: {
    title: '批量导入政策',
    noun: '条政策',
    note: '类别填 标准条件 / 现实需求 / 政策措施；领域、学历、县区、标签可填多个，用顿号或逗号分隔；日期写成 2026-01-31。导入的政策为草稿，检查后在列表中发布。',
    run: importPolicies,
  },
  platform: {
    title: '批量导入创新平台',
    noun: '个平台',
    note: '平台类型、所在县区、重点产业领域、提供机会（参观交流 / 实习实践 / 项目合作 / 就业岗位）、面向学历按名称填写，多个用顿号分隔；联系人和电话仅工作人员可见。',
    run: importPlatforms,
  },
  demand: {
    title: '批量导入岗位',
    noun: '个岗位',
    note: '学历要求填 专科 / 本科 / 硕士 / 博士 / 博士后；招聘人数和月薪填整数；截止日期写成 2026-01-31。',
    run: importDemands,
  },
}

const kindOf = (param: string | undefined): ImportKind => (param === 'policy' || param === 'demand' || param === 'platform' ? param : 'station')

/** Stations, policies or demands in bulk from a spreadsheet: good rows go in, each bad row is named by its number. */
function Importer() {
  const kindName = kindOf(useRouter().params.kind)
  const kind = KINDS[kindName]
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<{ filename: string; report: ImportReport } | null>(null)

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: kind.title })
  }, [kind.title])

  const choose = async () => {
    if (busy) return
    try {
      const file = await pickSpreadsheet()
      if (!file) return
      setBusy(true)
      setReport(null)
      setReport({ filename: file.filename, report: await kind.run(file.filename, file.contentBase64) })
    } catch (error) {
      void Taro.showToast({ title: error instanceof Error && !('code' in error) ? error.message : errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page import'>
      <View className='card'>
        <Text className='section-title'>文件格式</Text>
        <Text className='import__text'>支持 Excel（.xlsx）或 UTF-8 编码的 CSV 文件，不超过 1MB。第 1 行为表头，依次为：</Text>
        <View className='import__columns' id='import-columns'>
          {IMPORT_COLUMNS[kindName].map((column) => (
            <Text className='import__column' key={column.name}>
              {column.name}
              {column.required ? '' : '（选填）'}
            </Text>
          ))}
        </View>
        <Text className='hint import__text'>{kind.note} 有错误的行会按行号列出，其余的行照常导入。</Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <Text className='hint import__text'>小程序只能从聊天中选择文件：请先把表格发送到“文件传输助手”。</Text>
        ) : null}
        <Button id='import-choose' className='btn btn-primary' loading={busy} disabled={busy || undefined} onClick={() => void choose()}>
          <Text>{busy ? '正在导入…' : '选择文件并导入'}</Text>
        </Button>
      </View>

      {report ? (
        <View className='card' id='import-report'>
          <Text className='section-title'>导入结果</Text>
          <Text className='hint'>{report.filename}</Text>
          <Text className='import__done' id='import-imported'>
            成功导入 {report.report.imported} {kind.noun}
          </Text>
          {report.report.errors.length === 0 ? (
            <Text className='import__ok'>没有错误行</Text>
          ) : (
            <View>
              <Text className='import__bad'>{report.report.errors.length} 行未导入，请修改后重新导入这些行：</Text>
              {report.report.errors.map((e) => (
                <View className='import__error' key={`${e.row}-${e.message}`}>
                  <Text className='import__row'>第 {e.row} 行</Text>
                  <Text className='import__message'>{e.message}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      ) : null}
    </View>
  )
}
