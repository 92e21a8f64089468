import Taro from '@tarojs/taro'
import type { ExportFile } from '../../../types'

/**
 * Hands an exported list to the person: a download in the browser; in the mini-program a file in
 * the user folder opened with the system viewer (whose menu can forward or save it).
 */
export async function saveSpreadsheet(file: ExportFile): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH ?? ''}/${file.filename.replace(/[\\/:*?"<>|]/g, '_')}`
    Taro.getFileSystemManager().writeFileSync(filePath, file.contentBase64, 'base64')
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    return
  }
  const binary = atob(file.contentBase64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  document.body.removeChild(link)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
