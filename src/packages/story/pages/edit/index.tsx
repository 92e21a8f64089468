import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { COUNTIES, createStoryInput, toFieldErrors, type CountyId, type Story } from '../../../../../types'
import ChoiceChips from '@/components/choice-chips'
import FormField, { FormText } from '@/components/form-field'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { useRequestId } from '@/hooks/use-request-id'
import { ApiCallError, errorMessage } from '@/services/api'
import { coverUrl, pickImage, uploadCover } from '@/services/upload'
import { scrollToElement } from '@/utils/scroll'
import { createStory, fetchSubjects, getStory, updateStory } from '@/features/story/api'
import { storyUrl } from '@/features/story/format'
import './index.scss'

interface Draft {
  title: string
  summary: string
  body: string
  tags: string
  photo: string | null
  subjectOpenid: string
  person: { name: string; county: CountyId | ''; university: string }
  offlineConsent: boolean
}

const EMPTY: Draft = { title: '', summary: '', body: '', tags: '', photo: null, subjectOpenid: '', person: { name: '', county: '', university: '' }, offlineConsent: false }
const tagsOf = (text: string) => text.split(/[\s,，、#]+/).map((t) => t.trim()).filter(Boolean)

/** The author's editor: a head about a member of the station, a member about themselves, staff about anyone. */
export default function StoryEditPage() {
  const id = useRouter().params.id ?? ''
  const me = useMe()
  const isStaff = me.member?.role === 'staff'
  const stationId = me.member?.role === 'station_head' ? me.member.stationId : null
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState<string | null>(null)
  const requestId = useRequestId()
  const loadStory = useCallback(() => getStory(id), [id])
  const existing = useLoad(id ? loadStory : null, id)
  const loadSubjects = useCallback(() => fetchSubjects(stationId ?? ''), [stationId])
  const subjects = useLoad(stationId && !id ? loadSubjects : null, stationId ?? '')

  useEffect(() => {
    const story = existing.data?.story
    if (story && 'status' in story) {
      setDraft((d) => ({ ...d, title: story.title, summary: story.summary, body: story.body, tags: story.tags.join(' '), photo: story.photo }))
    }
  }, [existing.data])

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => {
      const { [key]: _drop, ...rest } = e
      return rest
    })
  }

  const choosePhoto = async () => {
    const image = await pickImage()
    if (!image) return
    setUploading(image.preview)
    try {
      change('photo', await uploadCover(image))
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setUploading(null)
    }
  }

  const showErrors = (fields: Record<string, string>) => {
    setErrors(fields)
    const first = Object.keys(fields)[0]
    if (first && first !== '_') scrollToElement(`field-${first.split('.')[0]}`)
  }

  const save = async () => {
    if (busy) return
    const fields = { title: draft.title, summary: draft.summary, body: draft.body, tags: tagsOf(draft.tags), photo: draft.photo }
    const input = id
      ? { id, ...fields }
      : {
          ...fields,
          ...(draft.subjectOpenid ? { subjectOpenid: draft.subjectOpenid } : {}),
          ...(isStaff && !draft.subjectOpenid ? { person: { ...draft.person, county: draft.person.county || undefined }, offlineConsent: draft.offlineConsent } : {}),
        }
    if (!id) {
      const checked = createStoryInput.safeParse(input)
      if (!checked.success) return showErrors(toFieldErrors(checked.error).fields)
    }
    setBusy(true)
    try {
      const story: Story = 'id' in input ? await updateStory({ id, ...fields }, requestId.idFor(input)) : await createStory(input as Parameters<typeof createStory>[0], requestId.idFor(input))
      requestId.done()
      void Taro.redirectTo({ url: storyUrl(story.id) })
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) showErrors(error.fields)
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (me.loading || (id && existing.status === 'loading')) return <View className='page'><StateView kind='loading' /></View>
  if (!me.member) return <View className='page'><StateView kind='empty' title='请先加入翼展联盟' description='加入后可以讲述自己的故事' /></View>
  if (id && !existing.data?.canEdit) {
    return <View className='page'><StateView kind='empty' title='这个故事现在不能修改' description='已提交的故事在审核结束前不能修改' /></View>
  }

  const photo = uploading ?? coverUrl(draft.photo)
  const subjectItems = [{ id: '', name: isStaff ? '未加入的人（填写信息）' : '我自己' }, ...(subjects.data?.items ?? []).filter((m) => m.openid !== me.member?.openid).map((m) => ({ id: m.openid, name: m.name }))]

  return (
    <View className='page story-edit' id='story-edit'>
      <View className='card'>
        {!id && (stationId || isStaff) ? (
          <FormField name='subjectOpenid' label='写谁的故事' hint={stationId ? '站长可以写本驿站成员的故事，发布前需本人同意' : undefined} error={errors.subjectOpenid}>
            <ChoiceChips idPrefix='subject' items={subjectItems} selected={[draft.subjectOpenid]} onToggle={(v) => change('subjectOpenid', v)} />
          </FormField>
        ) : null}
        {!id && isStaff && !draft.subjectOpenid ? (
          <>
            <FormField name='person' label='主人公姓名' error={errors['person.name']}>
              <FormText id='story-person-name' value={draft.person.name} onChange={(v) => change('person', { ...draft.person, name: v })} maxlength={20} placeholder='如：王芳' />
            </FormField>
            <FormField name='person-county' label='主人公家乡县区' error={errors['person.county']}>
              <ChoiceChips idPrefix='county' items={COUNTIES} selected={[draft.person.county]} onToggle={(v) => change('person', { ...draft.person, county: v as CountyId })} />
            </FormField>
            <FormField name='person-university' label='学校或单位' error={errors['person.university']}>
              <FormText value={draft.person.university} onChange={(v) => change('person', { ...draft.person, university: v })} maxlength={40} placeholder='如：驻马店市农科院' />
            </FormField>
            <FormField name='offlineConsent' label='本人同意' error={errors.offlineConsent}>
              <ChoiceChips idPrefix='consent' items={[{ id: 'yes', name: '已取得本人同意发布' }]} selected={draft.offlineConsent ? ['yes'] : []} onToggle={() => change('offlineConsent', !draft.offlineConsent)} />
            </FormField>
          </>
        ) : null}
        <FormField name='title' label='故事标题' error={errors.title}>
          <FormText id='story-title-input' value={draft.title} onChange={(v) => change('title', v)} maxlength={40} placeholder='如：从郑州回到遂平的创业者' />
        </FormField>
        <FormField name='summary' label='一句话简介' optional error={errors.summary}>
          <FormText value={draft.summary} onChange={(v) => change('summary', v)} maxlength={80} placeholder='一句话说说他/她做了什么' />
        </FormField>
        <FormField name='body' label='故事正文' hint='换行会原样保留；提交时会经过微信内容安全检测和人工审核' error={errors.body}>
          <FormText id='story-body-input' multiline value={draft.body} onChange={(v) => change('body', v)} maxlength={6000} placeholder='讲讲他/她的经历、选择和对家乡的贡献' />
        </FormField>
        <FormField name='tags' label='标签' optional hint='用空格分开，最多5个' error={errors.tags}>
          <FormText id='story-tags-input' value={draft.tags} onChange={(v) => change('tags', v)} maxlength={60} placeholder='如：返乡创业 电商' />
        </FormField>
        <FormField name='photo' label='照片' optional error={errors.photo}>
          <Pressable className='story-edit__photo' id='story-photo-pick' onPress={choosePhoto}>
            {photo ? <Image className='story-edit__photo-img' src={photo} mode='aspectFill' nativeProps={{ alt: '照片预览' }} /> : <Text className='story-edit__photo-empty'>+ 上传一张照片</Text>}
            {uploading ? <Text className='story-edit__photo-busy'>正在上传…</Text> : null}
          </Pressable>
          {draft.photo ? (
            <Pressable inline className='story-edit__link' onPress={() => change('photo', null)}>
              移除照片
            </Pressable>
          ) : null}
        </FormField>
      </View>
      <Button id='story-save' className='btn btn-primary story-edit__save' disabled={busy || uploading !== null} onClick={save}>
        {busy ? '正在保存…' : '保存草稿'}
      </Button>
    </View>
  )
}
