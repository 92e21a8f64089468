import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import './index.scss'

export interface NoticeBodyProps {
  body: string
}

const URL_PATTERN = /(https?:\/\/[^\s，。；、）)」】]+)/g

type Segment = { kind: 'text' | 'url'; value: string }

/** Splits plain text into text and links; nothing in it is ever read as markup. */
export function segmentsOf(body: string): Segment[] {
  return body
    .split(URL_PATTERN)
    .filter((part) => part !== '')
    .map((part) => ({ kind: /^https?:\/\//.test(part) ? 'url' : 'text', value: part }))
}

const copy = (url: string) => {
  void Taro.setClipboardData({ data: url }).then(
    () => Taro.showToast({ title: '链接已复制，可在浏览器中打开', icon: 'none' }),
    () => undefined,
  )
}

/**
 * A notice's body as its sender typed it: line breaks kept, links shown as text a tap copies
 * (a mini-program cannot open outside pages, and a notice must never render HTML).
 */
export default function NoticeBody({ body }: NoticeBodyProps) {
  return (
    <View className='notice-body' id='notice-body'>
      <Text userSelect decode={false}>
        {segmentsOf(body).map((s, i) =>
          s.kind === 'url' ? (
            <Pressable inline key={i} className='notice-body__url' label={`复制链接 ${s.value}`} onPress={() => copy(s.value)}>
              {s.value}
            </Pressable>
          ) : (
            s.value
          ),
        )}
      </Text>
    </View>
  )
}
