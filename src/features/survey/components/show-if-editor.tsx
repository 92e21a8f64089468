import { Text, View } from '@tarojs/components'
import ChoiceChips from '@/components/choice-chips'
import Pressable from '@/components/pressable'
import type { QuestionDraft, RuleItem, ShowRule } from '../survey-draft'

interface Props {
  /** The question the rule belongs to (ids of the controls start with `builder-<id>-`). */
  questionId: string
  /** Single and multiple choice questions before it: what a condition may read. */
  earlier: QuestionDraft[]
  rule: ShowRule | null
  /** A deeper condition from a template, kept until the author edits the rule. */
  keptFromTemplate: boolean
  onChange: (rule: ShowRule | null) => void
}

const JOIN_ITEMS = [
  { id: 'and', name: '全部满足（且）' },
  { id: 'or', name: '满足任一（或）' },
]
const MODE_ITEMS = [
  { id: 'chosen', name: '选了' },
  { id: 'not', name: '没选（非）' },
]

/**
 * 显示条件: always, or when several conditions on earlier choice questions hold — each "X 选了 /
 * 没选 Y", all of them (且) or any (或). The rule becomes the and / or / not condition the shared
 * engine evaluates on both sides.
 */
export default function ShowIfEditor({ questionId, earlier, rule, keptFromTemplate, onChange }: Props) {
  const fresh = (qid: string): RuleItem => ({ questionId: qid, optionId: earlier.find((x) => x.id === qid)?.options[0]?.id ?? '', negate: false })
  const items = rule?.items ?? []
  const setItem = (i: number, item: RuleItem) => onChange({ join: rule?.join ?? 'and', items: items.map((x, xi) => (xi === i ? item : x)) })
  const removeItem = (i: number) => {
    const rest = items.filter((_x, xi) => xi !== i)
    onChange(rest.length ? { join: rule?.join ?? 'and', items: rest } : null)
  }
  const questionItems = earlier.map((x) => ({ id: x.id, name: `当「${x.title || x.id}」…` }))

  return (
    <View id={`builder-${questionId}-show-if`}>
      <Text className='form-field__label se-sub'>显示条件</Text>
      <ChoiceChips
        idPrefix={`builder-${questionId}-if`}
        items={[{ id: '', name: '总是显示' }, ...questionItems]}
        selected={[items[0]?.questionId ?? '']}
        onToggle={(qid) => onChange(qid ? { join: rule?.join ?? 'and', items: [fresh(qid), ...items.slice(1)] } : null)}
      />
      {items.map((item, i) => {
        const source = earlier.find((x) => x.id === item.questionId)
        const prefix = i === 0 ? `builder-${questionId}-if` : `builder-${questionId}-if${i}`
        return (
          <View key={`${i}-${item.questionId}`} className='se-condition' id={`${prefix}-row`}>
            {i > 0 ? (
              <View className='sv-item__top'>
                <Text className='hint'>条件 {i + 1}</Text>
                <Pressable className='se-remove' id={`${prefix}-remove`} label={`删除条件 ${i + 1}`} onPress={() => removeItem(i)}>
                  删除
                </Pressable>
              </View>
            ) : null}
            {i > 0 ? <ChoiceChips idPrefix={prefix} items={questionItems} selected={[item.questionId]} onToggle={(qid) => setItem(i, fresh(qid))} /> : null}
            <ChoiceChips
              idPrefix={`${prefix}-mode`}
              items={MODE_ITEMS}
              selected={[item.negate ? 'not' : 'chosen']}
              onToggle={(m) => setItem(i, { ...item, negate: m === 'not' })}
            />
            {source ? (
              <ChoiceChips
                idPrefix={`${prefix}-option`}
                items={source.options.map((o) => ({ id: o.id, name: o.label || o.id }))}
                selected={[item.optionId]}
                onToggle={(oid) => setItem(i, { ...item, optionId: oid })}
              />
            ) : null}
          </View>
        )
      })}
      {items.length > 1 ? (
        <View id={`builder-${questionId}-join`}>
          <Text className='hint'>这些条件：</Text>
          <ChoiceChips idPrefix={`builder-${questionId}-join`} items={JOIN_ITEMS} selected={[rule?.join ?? 'and']} onToggle={(j) => onChange({ join: j === 'or' ? 'or' : 'and', items })} />
        </View>
      ) : null}
      {items.length > 0 && items.length < 10 ? (
        <Pressable className='se-add' id={`builder-${questionId}-add-condition`} label='添加条件' onPress={() => onChange({ join: rule?.join ?? 'and', items: [...items, fresh(earlier[0]!.id)] })}>
          + 添加条件
        </Pressable>
      ) : null}
      {keptFromTemplate ? <Text className='hint'>此题有模板里的多层组合条件，改选上面的条件会替换它</Text> : null}
    </View>
  )
}
