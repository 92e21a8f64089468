import { Button, Text, View } from '@tarojs/components'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { publicRegistrations } from '../../api'
import './index.scss'

/**
 * 公众报名 on an activity's registrations page (its managers only): the public sign-ups, kept apart
 * from members', phones masked; the export has them too, marked 公众. The first 50, newest last.
 */
export default function PublicRegistrations({ activityId }: { activityId: string }) {
  const load = useLoad(() => publicRegistrations(activityId), activityId)
  return (
    <View className='card public-regs' id='public-registrations'>
      <Text className='section-title'>公众报名（无需加入联盟）</Text>
      {load.status === 'loading' ? <StateView kind='loading' title='正在加载公众报名…' /> : null}
      {load.status === 'error' ? (
        <View>
          <Text className='hint'>{load.error}</Text>
          <Button className='btn btn-ghost' onClick={() => void load.reload()}>
            重试
          </Button>
        </View>
      ) : null}
      {load.data && load.data.items.length === 0 ? <Text className='hint'>还没有公众报名</Text> : null}
      {load.data?.items.map((r) => (
        <View className='public-regs__line' key={r.id} id={`public-reg-${r.id}`}>
          <Text className='public-regs__name'>
            {r.name} · {r.age}岁{r.grade ? ` · ${r.grade}` : ''}
            {r.status === 'cancelled' ? ' · 已取消' : ''}
          </Text>
          <Text className='public-regs__meta'>
            {r.guardianName ? `监护人 ${r.guardianName}（${r.guardianRelation}）${r.guardianPhoneMasked}` : `电话 ${r.phoneMasked}`}
            {r.school ? ` · ${r.school}` : ''}
          </Text>
        </View>
      ))}
      {load.data?.nextCursor ? <Text className='hint'>仅显示前50人，完整名单请导出</Text> : null}
      <Text className='hint'>报名信息在活动结束30天后自动删除，只保留人数。</Text>
    </View>
  )
}
