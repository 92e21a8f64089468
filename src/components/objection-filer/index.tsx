import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import ChoiceChips from '../choice-chips'
import FormField, { FormText } from '../form-field'
import { ApiCallError, errorMessage } from '@/services/api'
import { pickImage, uploadCover, type PickedImage } from '@/services/upload'

const KINDS = [
  { id: 'personal', name: '以个人名义' },
  { id: 'unit', name: '以单位名义' },
]

/** Who files a 公示 objection, as the server's objection schema takes it (types/honour.ts `objectInput`). */
export interface ObjectionFilerPayload {
  kind: 'personal' | 'unit' | undefined
  realName: string
  phone: string
  unitName: string
  sealFileId: string
}

/**
 * The filer part of a 公示 objection form: personal (real name and phone) or a unit (its name and
 * a photo of its seal); never anonymous. `payload()` uploads the seal photo when there is one.
 * `idPrefix` keeps the element ids of two forms on one page apart.
 */
export function useObjectionFiler(idPrefix: string, errors: Record<string, string>) {
  const [kind, setKind] = useState('')
  const [realName, setRealName] = useState('')
  const [phone, setPhone] = useState('')
  const [unitName, setUnitName] = useState('')
  const [seal, setSeal] = useState<PickedImage | null>(null)

  const payload = async (): Promise<ObjectionFilerPayload> => ({
    kind: kind === 'personal' || kind === 'unit' ? kind : undefined,
    realName,
    phone,
    unitName,
    sealFileId: kind === 'unit' && seal ? await uploadCover(seal) : '',
  })

  const fields = (
    <View>
      <FormField name='kind' label='提出方式' error={errors.kind}>
        <ChoiceChips idPrefix={`${idPrefix}-kind`} items={KINDS} selected={[kind]} onToggle={setKind} invalid={Boolean(errors.kind)} />
      </FormField>
      {kind === 'personal' ? (
        <View>
          <FormField name='realName' label='真实姓名' error={errors.realName}>
            <FormText id={`${idPrefix}-name`} value={realName} onChange={setRealName} maxlength={20} placeholder='请填写真实姓名' />
          </FormField>
          <FormField name='phone' label='联系电话' hint='仅用于核实，工作人员看到的号码已隐去中间四位' error={errors.phone}>
            <FormText id={`${idPrefix}-phone`} value={phone} onChange={setPhone} maxlength={11} placeholder='11位手机号' />
          </FormField>
        </View>
      ) : null}
      {kind === 'unit' ? (
        <View>
          <FormField name='unitName' label='单位名称' error={errors.unitName}>
            <FormText id={`${idPrefix}-unit`} value={unitName} onChange={setUnitName} maxlength={40} placeholder='单位全称' />
          </FormField>
          <FormField name='sealFileId' label='加盖公章的材料照片' error={errors.sealFileId}>
            {seal ? <Image className='honour-seal' src={seal.preview} mode='aspectFit' /> : null}
            <Button className='btn btn-ghost' id={`${idPrefix}-seal`} onClick={() => void pickImage().then((picked) => picked && setSeal(picked))}>
              {seal ? '重新选择' : '选择照片'}
            </Button>
          </FormField>
        </View>
      ) : null}
    </View>
  )
  return { fields, payload }
}

export interface ObjectionFormProps {
  /** Element ids: `${idPrefix}-form`, `-reason`, `-submit`, and the filer's fields. */
  idPrefix: string
  /** Sends the objection; throws the server's error (its fields are shown beside the inputs). */
  send: (objection: ObjectionFilerPayload & { reason: string }) => Promise<void>
  onDone: () => void
}

/** A whole 公示 objection form (filer, reason, submit) for honours and competition results alike. */
export function ObjectionForm({ idPrefix, send, onDone }: ObjectionFormProps) {
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const filer = useObjectionFiler(idPrefix, errors)

  const submit = async () => {
    if (busy) return
    setBusy(true)
    setErrors({})
    try {
      await send({ ...(await filer.payload()), reason })
      void Taro.showModal({ title: '已收到你的异议', content: '团市委将核查处理，处理情况会按你留下的联系方式反馈。', showCancel: false })
      onDone()
    } catch (error) {
      if (error instanceof ApiCallError) setErrors(error.fields)
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='honour-objection' id={`${idPrefix}-form`}>
      {filer.fields}
      <FormField name='reason' label='异议内容' error={errors.reason}>
        <FormText id={`${idPrefix}-reason`} value={reason} onChange={setReason} maxlength={1000} placeholder='请写明具体事实和依据' multiline />
      </FormField>
      <Button className='btn btn-primary' id={`${idPrefix}-submit`} loading={busy} disabled={busy || undefined} onClick={() => void submit()}>
        <Text>{busy ? '正在提交…' : '提交异议'}</Text>
      </Button>
    </View>
  )
}
