import { Button, Input, Switch, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { FORM_FIELD_KINDS, type FormFieldKind } from '../../../../../types'
import { newKey, nextFieldId, type FormFieldDraft } from '../../activity-draft'
import './index.scss'

const KIND_NAMES: Record<FormFieldKind, string> = {
  text: '短文字',
  textarea: '长文字',
  single: '单选',
  multiple: '多选',
  number: '数字',
  date: '日期',
}

export interface FormBuilderProps {
  form: FormFieldDraft[]
  errors: Record<string, string>
  onChange: (form: FormFieldDraft[]) => void
}

/** The custom sign-up form: add, remove and reorder questions; kind, label, required, options. */
export default function FormBuilder({ form, errors, onChange }: FormBuilderProps) {
  const patch = (index: number, change: Partial<FormFieldDraft>) => onChange(form.map((f, i) => (i === index ? { ...f, ...change } : f)))
  const move = (index: number, by: -1 | 1) => {
    const to = index + by
    if (to < 0 || to >= form.length) return
    const next = [...form]
    ;[next[index], next[to]] = [next[to], next[index]]
    onChange(next)
  }
  const add = () =>
    onChange([...form, { key: newKey(), id: nextFieldId(form), label: '', kind: 'text', required: false, options: [] }])

  return (
    <View className='form-builder'>
      {form.length === 0 ? <Text className='hint'>不加问题时，报名只需一键确认。需要收集队伍、调研方向等信息时再添加。</Text> : null}
      {form.map((field, index) => {
        const error = errors[`form.${index}`]
        const choices = field.kind === 'single' || field.kind === 'multiple'
        return (
          <View key={field.key} id={`form-field-${index}`} className={`fb-field${error ? ' fb-field--invalid' : ''}`}>
            <View className='fb-field__head'>
              <Text className='fb-field__no'>问题 {index + 1}</Text>
              <View className='fb-field__tools'>
                <Pressable inline className={`fb-tool${index === 0 ? ' fb-tool--off' : ''}`} disabled={index === 0} onPress={() => move(index, -1)}>
                  上移
                </Pressable>
                <Pressable inline className={`fb-tool${index === form.length - 1 ? ' fb-tool--off' : ''}`} disabled={index === form.length - 1} onPress={() => move(index, 1)}>
                  下移
                </Pressable>
                <Pressable inline className='fb-tool fb-tool--danger' id={`form-field-${index}-remove`} onPress={() => onChange(form.filter((_, i) => i !== index))}>
                  删除
                </Pressable>
              </View>
            </View>
            <Input
              id={`form-field-${index}-label`}
              className='fb-input'
              value={field.label}
              maxlength={30}
              placeholder='问题，例如：是否已有队伍'
              placeholderClass='fb-placeholder'
              onInput={(e) => patch(index, { label: e.detail.value })}
            />
            <View className='fb-kinds'>
              {FORM_FIELD_KINDS.map((kind) => (
                <Pressable inline
                  key={kind}
                  id={`form-field-${index}-kind-${kind}`}
                  className={`fb-kind${field.kind === kind ? ' fb-kind--on' : ''}`}
                  onPress={() => patch(index, { kind, options: (kind === 'single' || kind === 'multiple') && field.options.length === 0 ? ['', ''] : field.options })}
                >
                  {KIND_NAMES[kind]}
                </Pressable>
              ))}
            </View>
            {choices ? (
              <View className='fb-options'>
                {field.options.map((option, oi) => (
                  <View className='fb-option' key={oi}>
                    <Input
                      id={`form-field-${index}-option-${oi}`}
                      className='fb-input fb-option__input'
                      value={option}
                      maxlength={30}
                      placeholder={`选项 ${oi + 1}`}
                      placeholderClass='fb-placeholder'
                      onInput={(e) => patch(index, { options: field.options.map((o, j) => (j === oi ? e.detail.value : o)) })}
                    />
                    <Pressable inline className='fb-tool fb-tool--danger' onPress={() => patch(index, { options: field.options.filter((_, j) => j !== oi) })}>
                      移除
                    </Pressable>
                  </View>
                ))}
                {field.options.length < 20 ? (
                  <Pressable inline className='fb-add-option' id={`form-field-${index}-add-option`} onPress={() => patch(index, { options: [...field.options, ''] })}>
                    + 添加选项
                  </Pressable>
                ) : null}
              </View>
            ) : null}
            <View className='fb-required'>
              <Text>必填</Text>
              <Switch id={`form-field-${index}-required`} nativeProps={{ 'aria-label': `问题 ${index + 1} 必填` }} checked={field.required} color='#C8161D' onChange={(e) => patch(index, { required: e.detail.value })} />
            </View>
            {error ? <Text className='field-error'>{error}</Text> : null}
          </View>
        )
      })}
      {form.length < 20 ? (
        <Button id='form-add-field' className='btn btn-ghost fb-add' onClick={add}>
          + 添加一个问题
        </Button>
      ) : null}
    </View>
  )
}
