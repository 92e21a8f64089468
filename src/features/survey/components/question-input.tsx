import { Picker, Text, View } from '@tarojs/components'
import ChoiceChips from '@/components/choice-chips'
import { FormText } from '@/components/form-field'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import type { SurveyAnswer, SurveyQuestion } from '../../../../types'

export interface QuestionInputProps {
  question: SurveyQuestion
  value: SurveyAnswer | undefined
  onChange: (value: SurveyAnswer | undefined) => void
  /**
   * `questionId:optionId` of options whose quota is used up: not shown when the question hides full
   * options; shown as usual when it ends whoever chooses them (the end comes on 下一页 / 提交).
   */
  fullOptions: readonly string[]
}

const scale = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ id: String(from + i), name: String(from + i) }))

/** The input of one survey question, by its kind; the value is what `survey.submit` takes. */
export default function QuestionInput({ question: q, value, onChange, fullOptions }: QuestionInputProps) {
  const taxonomy = useTaxonomy()
  const prefix = `q-${q.id}`
  const hides = (q.kind === 'single' || q.kind === 'multiple') && q.whenFull !== 'end'
  const isFull = (id: string) => hides && fullOptions.includes(`${q.id}:${id}`)
  const optionItems = 'options' in q ? q.options.filter((o) => !isFull(o.id)).map((o) => ({ id: o.id, name: o.label })) : []
  switch (q.kind) {
    case 'single':
      return <ChoiceChips idPrefix={prefix} items={optionItems} selected={typeof value === 'string' ? [value] : []} onToggle={(id) => !isFull(id) && onChange(value === id ? undefined : id)} />
    case 'multiple': {
      const chosen = Array.isArray(value) ? value : []
      const exclusive = new Set(q.options.filter((o) => o.exclusive).map((o) => o.id))
      const toggle = (id: string) => {
        if (isFull(id) && !chosen.includes(id)) return
        if (chosen.includes(id)) return onChange(chosen.filter((x) => x !== id))
        onChange(exclusive.has(id) ? [id] : [...chosen.filter((x) => !exclusive.has(x)), id])
      }
      const range = q.min || q.max ? `（${q.min ? `至少${q.min}项` : ''}${q.min && q.max ? '，' : ''}${q.max ? `最多${q.max}项` : ''}）` : ''
      return (
        <View>
          {range ? <Text className='hint'>{range}</Text> : null}
          <ChoiceChips idPrefix={prefix} items={optionItems} selected={chosen} onToggle={toggle} />
        </View>
      )
    }
    case 'text':
      return (
        <FormText
          id={`${prefix}-input`}
          multiline={q.long}
          type={q.format === 'number' ? 'number' : 'text'}
          value={typeof value === 'string' ? value : ''}
          maxlength={q.long ? 1000 : q.format === 'phone' ? 11 : 100}
          placeholder={q.format === 'phone' ? '11位手机号' : q.format === 'number' ? '请填写数字' : '请填写'}
          onChange={(v) => onChange(v === '' ? undefined : v)}
        />
      )
    case 'rating':
    case 'nps':
      return (
        <View>
          <ChoiceChips
            idPrefix={prefix}
            items={q.kind === 'nps' ? scale(0, 10) : scale(1, q.scale)}
            selected={typeof value === 'number' ? [String(value)] : []}
            onToggle={(id) => onChange(Number(id))}
          />
          <Text className='hint'>{q.kind === 'nps' ? '0 = 完全不可能，10 = 非常可能' : `1 = 很不满意，${q.scale} = 非常满意`}</Text>
        </View>
      )
    case 'matrix': {
      const rows = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
      return (
        <View>
          {q.rows.map((r) => (
            <View key={r.id} className='sv-matrix-row'>
              <Text className='sv-matrix-row__label'>{r.label}</Text>
              <ChoiceChips idPrefix={`${prefix}-${r.id}`} items={optionItems} selected={rows[r.id] ? [rows[r.id]!] : []} onToggle={(id) => onChange({ ...rows, [r.id]: id })} />
            </View>
          ))}
        </View>
      )
    }
    case 'ranking': {
      const order = Array.isArray(value) ? value : []
      const label = (id: string) => q.options.find((o) => o.id === id)?.label ?? id
      return (
        <View>
          <Text className='hint'>按重要程度依次点选；点已选的可取消</Text>
          <ChoiceChips
            idPrefix={prefix}
            items={q.options.map((o) => ({ id: o.id, name: order.includes(o.id) ? `${order.indexOf(o.id) + 1}. ${o.label}` : o.label }))}
            selected={order}
            onToggle={(id) => onChange(order.includes(id) ? order.filter((x) => x !== id) : [...order, id])}
          />
          {order.length ? <Text className='hint'>当前顺序：{order.map(label).join(' > ')}</Text> : null}
        </View>
      )
    }
    case 'date':
      return (
        <Picker mode='date' value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(String(e.detail.value))}>
          <View className='form-input sv-picker' id={`${prefix}-date`}>
            <Text>{typeof value === 'string' && value ? value : '请选择日期'}</Text>
          </View>
        </Picker>
      )
    case 'county':
    case 'field': {
      const items = q.kind === 'county' ? taxonomy.counties : taxonomy.fields
      return <ChoiceChips idPrefix={prefix} items={items} selected={typeof value === 'string' ? [value] : []} onToggle={(id) => onChange(value === id ? undefined : id)} />
    }
    case 'university':
      return <FormText id={`${prefix}-input`} value={typeof value === 'string' ? value : ''} maxlength={40} placeholder='学校全称，例如：郑州大学' onChange={(v) => onChange(v === '' ? undefined : v)} />
  }
}
