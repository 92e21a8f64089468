import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { useRequestId } from '@/hooks/use-request-id'
import { errorMessage } from '@/services/api'
import { GUARDIAN_RELATIONS, type ExportedPublicSignUp } from '../../../../../types'
import { deleteMyPublicData, exportMyPublicData } from '../../../../features/platform/api'
import { whenOf } from '../../../../features/platform/labels'
import '../../platform.scss'
import './index.scss'

const STATUS = { registered: '报名成功', cancelled: '已取消' } as const

function SignUpCard({ item }: { item: ExportedPublicSignUp }) {
  const relation = item.guardian ? (GUARDIAN_RELATIONS.find((r) => r.id === item.guardian?.relation)?.name ?? '') : ''
  return (
    <View className='card'>
      <Text className='my-public-data__title'>{item.activityTitle || '已删除的活动'}</Text>
      {item.activityStartAt ? <Text className='my-public-data__line'>活动时间：{whenOf(item.activityStartAt)}</Text> : null}
      <Text className='my-public-data__line'>
        参加者：{item.name}，{item.age}岁{item.school ? ` · ${item.school}` : ''}{item.grade ? ` ${item.grade}` : ''}
      </Text>
      {item.phone ? <Text className='my-public-data__line'>联系电话：{item.phone}</Text> : null}
      {item.guardian ? (
        <Text className='my-public-data__line'>
          监护人：{item.guardian.name}（{relation}）{item.guardian.phone}，{whenOf(item.guardian.consentAt)}同意
        </Text>
      ) : null}
      <Text className='my-public-data__line'>
        状态：{STATUS[item.status]} · 报名于{whenOf(item.createdAt)}
      </Text>
    </View>
  )
}

/**
 * 我填写的报名信息 (PIPL art. 45, 47): everything a signed-in person gave in 面向公众 sign-ups —
 * members and people who never joined alike — to read, copy, or delete. Deleting gives held
 * places back (the first member waiting moves up).
 */
export default function MyPublicDataPage() {
  const load = useLoad(() => exportMyPublicData(), 'mine')
  const [busy, setBusy] = useState(false)
  const deletion = useRequestId()
  usePullDownRefresh(() => {
    void load.reload(true).finally(() => Taro.stopPullDownRefresh())
  })

  const copy = () => {
    if (!load.data) return
    void Taro.setClipboardData({ data: JSON.stringify(load.data, null, 2) })
  }

  const remove = async () => {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '删除报名信息',
      content: '将删除你填写的全部公众活动报名信息（尚未结束的活动报名会同时取消，名额让给其他人）和公开链接问卷的提交记录。删除后无法恢复，确定删除吗？',
      confirmText: '确定删除',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(true)
    try {
      const { deleted } = await deleteMyPublicData(deletion.idFor('deleteMyPublicData'))
      deletion.done()
      void Taro.showToast({ title: deleted > 0 ? `已删除${deleted}条报名` : '已删除', icon: 'none' })
      await load.reload(true)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (load.status === 'loading') return <View className='page'><StateView kind='loading' title='正在加载…' /></View>
  if (load.status === 'error' || !load.data) {
    return (
      <View className='page'>
        <StateView kind='error' title='没有加载出来' description={load.error ?? ''} actionText='重试' onAction={() => void load.reload()} />
      </View>
    )
  }
  const items = load.data.publicSignUps
  const surveys = load.data.publicSurveys
  return (
    <View className='page my-public-data'>
      <View className='card'>
        <Text className='my-public-data__notice' id='my-public-notice'>{load.data.notice}</Text>
      </View>
      {items.length === 0 && surveys.length === 0 ? (
        <StateView kind='empty' title='没有保存你的报名信息' description='你在公众活动中填写的报名信息会显示在这里。' />
      ) : (
        <View id='my-public-items'>
          {items.map((item) => (
            <SignUpCard key={`${item.activityId}-${item.createdAt}`} item={item} />
          ))}
          {surveys.length > 0 ? (
            <View className='card' id='my-public-surveys'>
              <Text className='my-public-data__title'>通过公开链接提交过的问卷</Text>
              <Text className='my-public-data__line'>只记录你的微信账号已提交（每个账号只能提交一次），答卷本身不带你的身份。</Text>
              {surveys.map((survey) => (
                <Text key={survey.surveyId} className='my-public-data__line'>
                  · {survey.title}
                </Text>
              ))}
            </View>
          ) : null}
          <View className='my-public-data__actions'>
            <Button id='my-public-copy' className='btn btn-ghost' disabled={busy} onClick={copy}>
              复制全部信息
            </Button>
            <Button id='my-public-delete' className='btn btn-ghost' loading={busy} disabled={busy} onClick={() => void remove()}>
              <Text>{busy ? '正在删除…' : '删除我填写的全部报名信息'}</Text>
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
