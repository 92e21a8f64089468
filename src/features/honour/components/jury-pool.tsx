import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { COUNTIES, type Juror, type JuryDrawView } from '../../../../types'
import StateView from '@/components/state-view'
import ChoiceChips from '@/components/choice-chips'
import FormField, { FormText } from '@/components/form-field'
import { useLoad } from '@/hooks/use-load'
import { errorMessage } from '@/services/api'
import { createJuror, drawRound, fetchDraws, fetchJurors } from '../api'

/** Tags as staff type them: separated by spaces, commas or 、. */
const tagsOf = (text: string) => [...new Set(text.split(/[\s,，、]+/).map((t) => t.trim()).filter(Boolean))].slice(0, 8)

const CAPS = [
  { id: '', name: '不限' },
  { id: '1', name: '1人' },
  { id: '2', name: '2人' },
]

/**
 * 评委库 and 按结构抽取: staff keep jurors with tags (free, or grouped as `学科:农学`), then draw the
 * round's panel at random by structure — each listed tag (or tag group) at least once, at most k
 * from one unit — with automatic conflicts left out. Every draw is listed with its seed and a
 * replay check, so anyone can see it was not hand-picked.
 */
export default function JuryPool({ awardId, onDrawn }: { awardId: string; onDrawn: () => Promise<void> }) {
  const jurors = useLoad<Juror[]>(fetchJurors, 'jurors')
  const draws = useLoad<JuryDrawView[]>(awardId ? () => fetchDraws(awardId) : null, `draws-${awardId}`)
  const [busy, setBusy] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [unit, setUnit] = useState('')
  const [county, setCounty] = useState('')
  const [tags, setTags] = useState('')
  const [required, setRequired] = useState('')
  const [cap, setCap] = useState('1')

  const act = async (key: string, run: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(key)
    try {
      await run()
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (error) {
      void Taro.showModal({ title: '未能完成', content: errorMessage(error), showCancel: false })
    } finally {
      setBusy(null)
    }
  }

  const add = () =>
    act(
      'juror-add',
      async () => {
        await createJuror({ name, university: unit, county, tags: tagsOf(tags) })
        setName('')
        setUnit('')
        setTags('')
        setCounty('')
        await jurors.reload(true)
      },
      '已加入评委库',
    )

  const draw = () =>
    act(
      'draw-round',
      async () => {
        await drawRound({ awardId, requirements: tagsOf(required).map((tag) => ({ tag, min: 1 })), maxPerUnit: cap ? Number(cap) : null })
        await Promise.all([draws.reload(true), onDrawn()])
      },
      '已抽取',
    )

  const disabled = busy !== null || undefined
  return (
    <>
      <View className='card' id='juror-pool'>
        <Text className='section-title'>评委库</Text>
        <Text className='hint'>评委凭邀请码进入“评委评审”，无需加入联盟；与本轮任一被提名人同驿站、同学校或同县区的评委自动回避。</Text>
        {jurors.status === 'loading' ? <StateView kind='loading' /> : null}
        {jurors.status === 'error' ? <StateView kind='error' description={jurors.error ?? undefined} actionText='重试' onAction={() => void jurors.reload()} /> : null}
        {jurors.data && jurors.data.length === 0 ? <StateView kind='empty' title='评委库还是空的' /> : null}
        {(jurors.data ?? []).map((j) => (
          <View className='honour-row' key={j.id}>
            <Text>
              {j.name} · {j.university || '未填单位'}
              {j.county ? ` · ${COUNTIES.find((c) => c.id === j.county)?.name ?? j.county}` : ''}
            </Text>
            {j.tags.length > 0 ? <Text className='hint'>标签：{j.tags.join('、')}</Text> : null}
            <Text className='honour-code'>
              邀请码 {j.inviteCode}
              {j.openid ? '（已接受）' : ''}
            </Text>
          </View>
        ))}
        <FormField name='juror-name' label='评委姓名'>
          <FormText id='juror-name-input' value={name} onChange={setName} maxlength={20} placeholder='例如：张老师' />
        </FormField>
        <FormField name='juror-unit' label='单位或学校' optional>
          <FormText id='juror-unit-input' value={unit} onChange={setUnit} maxlength={40} placeholder='用于自动回避和同单位人数上限' />
        </FormField>
        <FormField name='juror-county' label='所在县区' optional>
          <ChoiceChips idPrefix='juror-county' items={COUNTIES} selected={[county]} onToggle={(id) => setCounty(id === county ? '' : id)} />
        </FormField>
        <FormField name='juror-tags' label='标签' optional>
          <FormText id='juror-tags-input' value={tags} onChange={setTags} maxlength={100} placeholder='空格分隔，如：学科:农学 行业:教育 性别:女' />
        </FormField>
        <Button className='btn btn-ghost' id='juror-add' disabled={disabled} onClick={() => void add()}>
          {busy === 'juror-add' ? '处理中…' : '加入评委库'}
        </Button>
      </View>

      {awardId ? (
        <View className='card' id='jury-draw'>
          <Text className='section-title'>按结构抽取评委</Text>
          <Text className='hint'>为本奖项所有“评审中”且尚未抽取评委的提名一次抽取同一组评委。每个结构标签至少1人；写“学科”即任一“学科:…”标签均可。</Text>
          <FormField name='draw-required' label='结构标签' optional>
            <FormText id='draw-required-input' value={required} onChange={setRequired} maxlength={100} placeholder='如：学科 行业' />
          </FormField>
          <FormField name='draw-cap' label='同一单位最多'>
            <ChoiceChips idPrefix='draw-cap' items={CAPS} selected={[cap]} onToggle={setCap} />
          </FormField>
          <Button className='btn btn-primary' id='draw-round' disabled={disabled} onClick={() => void draw()}>
            {busy === 'draw-round' ? '处理中…' : '按结构随机抽取'}
          </Button>
          {draws.status === 'error' ? <StateView kind='error' description={draws.error ?? undefined} actionText='重试' onAction={() => void draws.reload()} /> : null}
          {(draws.data ?? []).map((d) => (
            <View className='honour-row' key={d.id} id={`draw-${d.id}`}>
              <Text className='honour-row__title'>
                {d.kind === 'round' ? `本轮抽取（${d.nominationIds.length}个提名）` : '回避补抽'} · {d.at.slice(0, 16).replace('T', ' ')}
              </Text>
              <Text className='hint'>
                随机种子 {d.seed} · 评委{d.structure.size}人
                {d.structure.requirements.length ? ` · 须含：${d.structure.requirements.map((r) => r.tag).join('、')}` : ''}
                {d.structure.maxPerUnit ? ` · 同单位至多${d.structure.maxPerUnit}人` : ''}
              </Text>
              <Text>抽中：{d.panelIds.map((id) => d.names[id]).join('、') || '无'}</Text>
              {d.excluded.length ? <Text className='hint'>回避：{d.excluded.map((e) => `${d.names[e.jurorId]}（${e.reason}）`).join('、')}</Text> : null}
              {d.note ? <Text className='hint'>{d.note}</Text> : null}
              <Text className={d.reproduced ? 'hint' : 'honour-reason'} id={`draw-check-${d.id}`}>
                {d.reproduced ? '复核：按记录的种子重放，结果一致' : '复核：按种子重放结果不一致，请核查'}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </>
  )
}
