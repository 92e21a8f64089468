import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { PlatformActivityLine, PlatformView } from '../../../../../types'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { useRequestId } from '@/hooks/use-request-id'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { ApiCallError, errorMessage } from '@/services/api'
import { archivePlatform, getPlatform, signUpFromPlatform } from '../../../../features/platform/api'
import { kindName, offerNames, whenOf } from '../../../../features/platform/labels'
import { activityPageUrl, demandPageUrl, platformEditUrl } from '../../../../features/platform/urls'
import StaffPanel from '../../staff-panel'
import '../../platform.scss'

/** A platform's page: what it is, its upcoming visits (sign up here), open jobs, and its record. */
export default function PlatformPage() {
  const id = useRouter().params.id ?? ''
  const page = useLoad(id ? () => getPlatform(id) : null, id)
  usePullDownRefresh(() => {
    void page.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({ title: page.data?.name ?? '家乡创新平台', path: `/packages/platform/pages/detail/index?id=${id}` }))

  if (!id) return <View className='page'><StateView kind='error' title='缺少平台编号' /></View>
  if (page.status === 'loading') return <View className='page'><StateView kind='loading' /></View>
  if (page.status === 'error' || !page.data) {
    return (
      <View className='page'>
        <StateView kind='error' description={page.error ?? undefined} actionText='重试' onAction={() => void page.reload()} />
      </View>
    )
  }
  return <PlatformBody platform={page.data} reload={() => page.reload(true)} />
}

function PlatformBody({ platform, reload }: { platform: PlatformView; reload: () => Promise<void> }) {
  const tax = useTaxonomy()
  const request = useRequestId()
  const [busy, setBusy] = useState<string | null>(null)
  const [signed, setSigned] = useState<Record<string, string>>({})
  const staff = platform.participants !== null

  const signUp = async (line: PlatformActivityLine) => {
    if (busy) return
    setBusy(line.id)
    try {
      const result = await signUpFromPlatform(line.id, request.idFor(line.id))
      request.done()
      const text = result.status === 'registered' ? '报名成功' : `已进入候补第${result.position ?? ''}位`
      setSigned((s) => ({ ...s, [line.id]: text }))
      void Taro.showToast({ title: text, icon: 'success' })
      await reload()
    } catch (error) {
      // A visit with its own sign-up form is filled in on the activity's page.
      if (error instanceof ApiCallError && error.code === 'INVALID_INPUT') void Taro.navigateTo({ url: activityPageUrl(line.id) })
      else void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const archive = async () => {
    const { confirm } = await Taro.showModal({ title: '归档这个平台？', content: '归档后同学在目录中看不到它，已关联的活动和岗位不受影响。' })
    if (!confirm) return
    try {
      await archivePlatform(platform.id)
      await reload()
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    }
  }

  return (
    <View className='page platform-page' id='platform-page'>
      <View className='card'>
        <Text className='platform-page__kind'>{kindName(platform.kind)}</Text>
        {platform.status === 'archived' ? <Text className='tag tag-demo'>已归档</Text> : null}
        {platform.isDemo ? <Text className='tag tag-demo'>示例</Text> : null}
        <Text className='platform-page__name' id='platform-name'>{platform.name}</Text>
        <Text className='platform-page__fact'>所在县区：{tax.countyName(platform.county)}</Text>
        <Text className='platform-page__fact'>依托单位：{platform.hostOrg}</Text>
        <Text className='platform-page__fact'>重点产业领域：{platform.fields.map((f) => tax.fieldName(f)).join('、')}</Text>
        {platform.offers.length > 0 ? <Text className='platform-page__fact'>提供：{offerNames(platform.offers).join('、')}</Text> : null}
        {platform.degrees.length > 0 ? (
          <Text className='platform-page__fact'>面向学历：{platform.degrees.map((d) => tax.degreeName(d)).join('、')}</Text>
        ) : null}
        {platform.partnerUniversities.length > 0 ? (
          <Text className='platform-page__fact'>合作高校：{platform.partnerUniversities.join('、')}</Text>
        ) : null}
        <Text className='platform-page__intro'>{platform.intro}</Text>
        {platform.photos.map((src) => (
          <Image key={src} className='platform-page__photo' src={src} mode='aspectFill' nativeProps={{ alt: `${platform.name}的照片` }} />
        ))}
      </View>

      <View className='card' id='platform-upcoming'>
        <Text className='section-title'>即将开展的活动</Text>
        {platform.upcoming.length === 0 ? <Text className='hint'>暂时没有，新的参观和实践活动发布后会出现在这里</Text> : null}
        {platform.upcoming.map((a) => (
          <View className='platform-page__line' key={a.id} id={`platform-activity-${a.id}`}>
            <Text className='platform-page__line-title'>{a.title}</Text>
            <Text className='platform-page__line-meta'>
              {whenOf(a.startAt)} · {a.place}
            </Text>
            <Text className='platform-page__line-meta'>
              已报名 {a.registeredCount} / {a.capacity}
            </Text>
            <View className='platform-page__line-actions'>
              {signed[a.id] ? (
                <Text className='hint' id={`platform-signed-${a.id}`}>{signed[a.id]}</Text>
              ) : (
                <Button
                  className='btn btn-primary'
                  id={`platform-sign-up-${a.id}`}
                  loading={busy === a.id}
                  disabled={busy !== null || a.status !== 'published' || undefined}
                  onClick={() => void signUp(a)}
                >
                  <Text>{a.status === 'published' ? '报名' : '报名已截止'}</Text>
                </Button>
              )}
              <Button className='btn btn-ghost' onClick={() => void Taro.navigateTo({ url: activityPageUrl(a.id) })}>
                活动详情
              </Button>
            </View>
          </View>
        ))}
      </View>

      <View className='card' id='platform-demands'>
        <Text className='section-title'>正在招聘的岗位</Text>
        {platform.openDemands.length === 0 ? <Text className='hint'>暂时没有开放的岗位</Text> : null}
        {platform.openDemands.map((d) => (
          <Pressable role='link' className='platform-page__line' key={d.id} onPress={() => void Taro.navigateTo({ url: demandPageUrl(d.id) })}>
            <Text className='platform-page__line-title'>{d.position} ›</Text>
            <Text className='platform-page__line-meta'>
              招 {d.headcount} 人 · 截止 {d.deadline}
            </Text>
          </Pressable>
        ))}
      </View>

      <View className='card' id='platform-past'>
        <Text className='section-title'>开展过的活动</Text>
        {platform.past.length === 0 ? (
          <Text className='hint'>还没有开展过的活动</Text>
        ) : (
          <Text className='hint' id='platform-totals'>
            {platform.totals.activities} 场活动，共 {platform.totals.attended} 人次到场
          </Text>
        )}
        {platform.past.map((a) => (
          <View className='platform-page__line' key={a.id}>
            <Text className='platform-page__line-title'>{a.title}</Text>
            <Text className='platform-page__line-meta'>
              {whenOf(a.startAt)} · 报名 {a.registeredCount} 人，到场 {a.attended} 人
            </Text>
          </View>
        ))}
      </View>

      {staff ? (
        <View className='card' id='platform-staff'>
          <Text className='section-title'>工作人员可见</Text>
          <Text className='platform-page__fact'>
            联系人：{platform.contact ? `${platform.contact.name} ${platform.contact.phone}${platform.contact.note ? `（${platform.contact.note}）` : ''}` : '未填写'}
          </Text>
          <Text className='platform-page__fact'>参加过活动的成员（{platform.participants?.length ?? 0}）：</Text>
          {(platform.participants ?? []).map((p) => (
            <Text className='platform-page__line-meta' key={`${p.openid}-${p.activityTitle}`}>
              {p.name} · {p.university} · {p.activityTitle}
            </Text>
          ))}
          <StaffPanel platform={platform} reload={reload} />
          <View className='platform-page__staff-actions'>
            <Button className='btn btn-ghost' id='platform-edit' onClick={() => void Taro.navigateTo({ url: platformEditUrl(platform.id) })}>
              编辑
            </Button>
            {platform.status === 'active' ? (
              <Button className='btn btn-plain' id='platform-archive' onClick={() => void archive()}>
                归档
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
    </View>
  )
}
