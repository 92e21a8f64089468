import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { STATION_IMPORT_COLUMNS, type ImportReport } from '../../../../../types'
import { importStations } from '../../../../features/station/api'
import { pickSpreadsheet } from '@/services/files'
import { errorMessage } from '../../../../services/api'
import StaffGate from '../../staff-gate'
import '../../staff.scss'
import './index.scss'

export default function ImportPage() {
  return <StaffGate>{() => <Importer />}</StaffGate>
}

/** Stations in bulk from a spreadsheet: good rows go in, each bad row is named by its number. */
function Importer() {
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<{ filename: string; report: ImportReport } | null>(null)

  const choose = async () => {
    if (busy) return
    try {
      const file = await pickSpreadsheet()
      if (!file) return
      setBusy(true)
      setReport(null)
      setReport({ filename: file.filename, report: await importStations(file.filename, file.contentBase64) })
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
          {STATION_IMPORT_COLUMNS.map((column, index) => (
            <Text className='import__column' key={column}>
              {column}
              {index >= 2 ? '（选填）' : ''}
            </Text>
          ))}
        </View>
        <Text className='hint import__text'>
          驿站名称不填时为“学校名 + 翼展驿站”；同一所学校只能有一个开放中的驿站。有错误的行会按行号列出，其余的行照常导入。
        </Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <Text className='hint import__text'>小程序只能从聊天中选择文件：请先把表格发送到“文件传输助手”。</Text>
        ) : null}
        <Button id='import-choose' className='btn btn-primary' loading={busy} disabled={busy || undefined} onClick={() => void choose()}>
          {busy ? '正在导入…' : '选择文件并导入'}
        </Button>
      </View>

      {report ? (
        <View className='card' id='import-report'>
          <Text className='section-title'>导入结果</Text>
          <Text className='hint'>{report.filename}</Text>
          <Text className='import__done' id='import-imported'>
            成功导入 {report.report.imported} 个驿站
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
