import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import type { BlindMaterials } from '../../../../../types'
import StateView from '../../../../components/state-view'
import ChoiceChips from '../../../../components/choice-chips'
import FormField, { FormText } from '../../../../components/form-field'
import { useLoad } from '@/hooks/use-load'
import { errorMessage } from '@/services/api'
import { declareConflict, fetchMyReviews, redeemInvite, scoreNomination } from '@/features/honour/api'
import { openMaterialFile } from '@/features/honour/material-upload'
import Pressable from '@/components/pressable'
import '@/features/honour/honour.scss'

const VOTES = [
  { id: 'yes', name: '同意入围' },
  { id: 'no', name: '不同意' },
]

/**
 * 评委评审: a juror opens their invite (no member profile needed), declares any conflict of
 * interest before seeing anything, then reads blind materials and scores.
 */
export default function ReviewPage() {
  const code = useRouter().params.code ?? ''
  const [typed, setTyped] = useState(code)
  const [redeemed, setRedeemed] = useState(false)
  const reviews = useLoad<BlindMaterials[]>(fetchMyReviews, String(redeemed))
  const [busy, setBusy] = useState<string | null>(null)

  const redeem = async (value: string) => {
    if (busy) return
    setBusy('redeem')
    try {
      const juror = await redeemInvite(value.trim())
      void Taro.showToast({ title: `欢迎，${juror.name}`, icon: 'none' })
      setRedeemed(true)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }
  useEffect(() => {
    if (code) void redeem(code)
    // Once, for the code the invite link carried.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code])

  const act = async (key: string, run: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(key)
    try {
      await run()
      void Taro.showToast({ title: done, icon: 'success' })
      await reviews.reload(true)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  if (reviews.status === 'loading') return <StateView kind='loading' />
  if (reviews.status === 'error') {
    return (
      <View className='page honour-review' id='honour-review'>
        <View className='card'>
          <Text className='section-title'>评委入口</Text>
          <Text className='hint'>请输入团市委发给你的邀请码</Text>
          <FormField name='code' label='邀请码'>
            <FormText id='review-code' value={typed} onChange={setTyped} maxlength={32} placeholder='16位字母数字' />
          </FormField>
          <Button className='btn btn-primary' id='review-redeem' disabled={busy !== null || undefined} onClick={() => void redeem(typed)}>
            进入评审
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className='page honour-review' id='honour-review'>
      <View className='card'>
        <Text className='section-title'>待评材料</Text>
        <Text className='hint'>材料已隐去姓名、学校、单位和地点。查看前请先声明是否存在利益冲突。</Text>
        {reviews.data && reviews.data.length === 0 ? <StateView kind='empty' title='暂时没有分配给你的材料' /> : null}
      </View>
      {(reviews.data ?? []).map((r) => (
        <ReviewCard key={r.nominationId} review={r} busy={busy} act={act} />
      ))}
    </View>
  )
}

function ReviewCard({ review: r, busy, act }: { review: BlindMaterials; busy: string | null; act: (key: string, run: () => Promise<unknown>, done: string) => Promise<void> }) {
  const [score, setScore] = useState(r.myScore ? String(r.myScore.score) : '')
  const [vote, setVote] = useState(r.myScore ? (r.myScore.approve ? 'yes' : 'no') : '')
  const [comment, setComment] = useState(r.myScore?.comment ?? '')
  const disabled = busy !== null || undefined
  return (
    <View className='card' id={`review-${r.label}`}>
      <Text className='honour-row__title'>
        {r.label} · {r.awardName}
      </Text>
      {!r.declared ? (
        <View>
          <Text className='hint'>你与该被提名人是否存在亲属、师生、同事等利益关系？</Text>
          <View className='honour-actions'>
            <Button className='btn btn-primary' id={`declare-none-${r.label}`} disabled={disabled} onClick={() => void act(r.nominationId, () => declareConflict(r.nominationId, false), '已声明')}>
              无利益冲突，查看材料
            </Button>
            <Button className='btn btn-plain' id={`declare-conflict-${r.label}`} disabled={disabled} onClick={() => void act(r.nominationId, () => declareConflict(r.nominationId, true), '已回避')}>
              存在利益冲突，回避
            </Button>
          </View>
        </View>
      ) : (
        <View>
          <Text className='section-title'>事迹简介</Text>
          <Text className='honour-deeds' id={`review-summary-${r.label}`}>
            {r.summary}
          </Text>
          <Text className='section-title'>事迹材料</Text>
          <Text className='honour-deeds' id={`review-deeds-${r.label}`}>
            {r.deeds}
          </Text>
          {r.photos.length > 0 ? <Text className='section-title'>照片</Text> : null}
          <View className='honour-photos'>
            {r.photos.map((photo, i) => (
              <Image className='honour-photo__image' key={photo} src={photo} mode='aspectFill' nativeProps={{ alt: `${r.label}照片${i + 1}` }} />
            ))}
          </View>
          {r.files.length > 0 ? <Text className='section-title'>附件</Text> : null}
          {r.files.map((f, i) => (
            <Pressable className='honour-file__name' key={f.fileId} id={`review-file-${r.label}-${i}`} role='link' onPress={() => void openMaterialFile(f.fileId).catch((error: unknown) => void Taro.showToast({ title: errorMessage(error), icon: 'none' }))}>
              <Text id={`review-file-name-${r.label}-${i}`}>{f.name}</Text>
            </Pressable>
          ))}
          <FormField name='score' label='评分（0–100）'>
            <FormText id={`review-score-${r.label}`} type='number' value={score} onChange={setScore} maxlength={3} placeholder='例如 85' />
          </FormField>
          <FormField name='approve' label='是否同意入围'>
            <ChoiceChips idPrefix={`review-vote-${r.label}`} items={VOTES} selected={[vote]} onToggle={setVote} />
          </FormField>
          <FormField name='comment' label='评语' optional>
            <FormText id={`review-comment-${r.label}`} value={comment} onChange={setComment} maxlength={300} placeholder='简要说明理由' multiline />
          </FormField>
          <Button
            className='btn btn-primary'
            id={`review-submit-${r.label}`}
            disabled={disabled}
            onClick={() => {
              if (score.trim() === '' || !vote) void Taro.showToast({ title: '请填写评分并选择是否同意入围', icon: 'none' })
              else void act(r.nominationId, () => scoreNomination({ id: r.nominationId, score: Number(score), approve: vote === 'yes', comment }), '已提交评分')
            }}
          >
            {r.myScore ? '修改评分' : '提交评分'}
          </Button>
        </View>
      )}
    </View>
  )
}
