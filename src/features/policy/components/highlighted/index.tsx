import { Text } from '@tarojs/components'
import type { Snippet } from '../../../../../types'
import './index.scss'

export interface HighlightedProps {
  parts: readonly Snippet[]
  className?: string
}

/** Text with the parts that matched a search marked; plain text always, never HTML. */
export default function Highlighted({ parts, className }: HighlightedProps) {
  return (
    <Text className={className}>
      {parts.map((part, i) =>
        part.hit ? (
          <Text key={i} className='hl'>
            {part.text}
          </Text>
        ) : (
          <Text key={i}>{part.text}</Text>
        ),
      )}
    </Text>
  )
}
