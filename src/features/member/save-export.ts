import Taro from '@tarojs/taro'
import type { MemberExport } from '../../../types'
import { downloadInBrowser } from '../../services/files'

export const EXPORT_FILE_NAME = '翼展联盟-我的数据.json'

/** A file ready to hand over: a blob URL in the browser, a path in the mini-program's user folder. */
export interface PreparedExport {
  location: string
}

/**
 * The mini-program lets a file leave only by sharing it to a chat, and only from a tap; the
 * fetch in between loses the tap, so there the person taps a second time to send it.
 */
export const EXPORT_NEEDS_SECOND_TAP = process.env.TARO_ENV === 'weapp'

export function prepareExport(data: MemberExport): PreparedExport {
  const text = JSON.stringify(data, null, 2)
  if (process.env.TARO_ENV === 'weapp') {
    // Taro.env is wx.env in the mini-program.
    const location = `${Taro.env.USER_DATA_PATH ?? ''}/${EXPORT_FILE_NAME}`
    Taro.getFileSystemManager().writeFileSync(location, text, 'utf8')
    return { location }
  }
  return { location: URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' })) }
}

export async function deliverExport(file: PreparedExport): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    await Taro.shareFileMessage({ filePath: file.location, fileName: EXPORT_FILE_NAME })
    return
  }
  downloadInBrowser(file.location, EXPORT_FILE_NAME)
}
