import { useCallback, useState } from 'react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { Button, RichText, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import StateView from '../../components/state-view'
import { useDemo } from '../../features/demo/hooks/use-demo'
import { openDemoLogin } from '../../features/demo/session'
import { useMe } from '@/hooks/use-me'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { favoritePolicy, getPolicy } from '../../features/policy/api'
import { categoryName, effectiveText, isExpired, namesOrAll } from '../../features/policy/format'
import { inSinglePageMode, styledBody } from '../../features/policy/rich-body'
import { policiesUrl } from '../../features/policy/urls'
import { useLoad } from '@/hooks/use-load'
import { errorMessage } from '../../services/api'
import './index.scss'

/** One policy, whole: who issued it, whom it is for, the text, the source; save and share. */
export default function PolicyPage() {
  const id = useRouter().params.id ?? ''
  const single = inSinglePageMode()
  const me = useMe()
  const demo = useDemo()
  const tax = useTaxonomy()
  const load = useCallback(() => getPolicy(id), [id])
  const state = useLoad(id ? load : null, id)
  const [busy, setBusy] = useState(false)
  const policy = state.data

  useShareAppMessage(() => ({ title: policy?.title ?? '驻马店人才政策', path: `/pages/policy/index?id=${encodeURIComponent(id)}` }))
  useShareTimeline(() => ({ title: policy?.title ?? '驻马店人才政策', query: `id=${encodeURIComponent(id)}` }))

  const toggleFavorite = async () => {
    if (!policy || busy) return
    if (!me.member) {
      const { confirm } = await Taro.showModal({
        title: '加入后可收藏',
        content: '加入翼展联盟后，可以收藏政策，在“我的 → 我的收藏”里随时查看。',
        confirmText: '去加入',
        confirmColor: '#C8161D',
      })
      if (!confirm) return
      if (demo.enabled && !demo.session) openDemoLogin()
      else void Taro.navigateTo({ url: '/pages/join/index' })
      return
    }
    setBusy(true)
    try {
      const { favorited } = await favoritePolicy(policy.id, !policy.favorited)
      state.setData({ ...policy, favorited })
      void Taro.showToast({ title: favorited ? '已收藏' : '已取消收藏', icon: favorited ? 'success' : 'none' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const openSource = (url: string) => {
    if (process.env.TARO_ENV === 'h5') {
      window.open(url, '_blank', 'noopener')
      return
    }
    // A mini-program cannot open outside pages: copy the link for the browser.
    void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: '链接已复制，可在浏览器中打开', icon: 'none' }))
  }

  if (!id) return <View className='page'><StateView kind='empty' title='没有找到这条政策' description='链接不完整，请从政策列表进入' /></View>
  if (state.status === 'loading') return <View className='page'><StateView kind='loading' /></View>
  if (!policy) {
    return (
      <View className='page'>
        {state.errorCode === 'NOT_FOUND' ? (
          <StateView kind='empty' title='这条政策已下线或不存在' description='可以在政策列表中查看其他政策' actionText={single ? undefined : '看看其他政策'} onAction={() => void Taro.switchTab({ url: policiesUrl() })} />
        ) : (
          <StateView kind='error' title='政策加载失败' description={state.error ?? undefined} actionText='重试' onAction={() => void state.reload()} />
        )}
      </View>
    )
  }

  const targeting = [
    { label: '适用学历', text: namesOrAll(policy.degrees, tax.degreeName, '不限') },
    { label: '重点产业领域', text: namesOrAll(policy.fields, tax.fieldName, '不限') },
    { label: '适用县区', text: namesOrAll(policy.counties, tax.countyName, '驻马店全市') },
  ]

  return (
    <View className='page policy' id='policy-page'>
      <View className='card policy__head'>
        <View className='policy__tags'>
          <Text className={`policy__cat policy__cat--${policy.category}`}>{categoryName(policy.category)}</Text>
          {policy.status !== 'published' ? <Text className='policy__state'>草稿（同学看不到）</Text> : null}
          {isExpired(policy.effectiveUntil) ? <Text className='policy__state'>已失效</Text> : null}
        </View>
        <Text className='policy__title' id='policy-title'>{policy.title}</Text>
        {policy.issuer || policy.docNumber ? (
          <Text className='policy__issuer'>{[policy.issuer, policy.docNumber].filter(Boolean).join(' · ')}</Text>
        ) : null}
        <Text className='policy__effective'>有效期：{effectiveText(policy)}</Text>
        <Text className='policy__summary'>{policy.summary}</Text>
      </View>

      <View className='card policy__facts'>
        {targeting.map((t) => (
          <View className='policy__fact' key={t.label}>
            <Text className='policy__fact-label'>{t.label}</Text>
            <Text className='policy__fact-text'>{t.text}</Text>
          </View>
        ))}
        {policy.tags.length > 0 ? (
          <View className='policy__fact'>
            <Text className='policy__fact-label'>标签</Text>
            <View className='policy__fact-text'>
              {policy.tags.map((t) => (
                <Text className='policy__tag' key={t}>
                  #{t}
                </Text>
              ))}
            </View>
          </View>
        ) : null}
      </View>

      <View className='card'>
        <Text className='section-title'>政策原文</Text>
        <RichText className='policy__body' id='policy-body' nodes={styledBody(policy.body)} />
        {policy.sourceUrl ? (
          <Pressable className='policy__source' id='policy-source' onPress={() => openSource(policy.sourceUrl!)}>
            <Text className='policy__source-label'>来源</Text>
            <Text className='policy__source-url'>{policy.sourceUrl}</Text>
            <Text className='policy__source-go'>{process.env.TARO_ENV === 'weapp' ? '复制' : '打开'}</Text>
          </Pressable>
        ) : null}
      </View>

      {single ? (
        <Text className='hint policy__single'>在小程序中打开“翼展联盟”，可以收藏政策、查看与你相关的岗位。</Text>
      ) : (
        <View className='policy__bar'>
          <Button
            id='policy-favorite'
            className={`btn ${policy.favorited ? 'btn-ghost' : 'btn-primary'} policy__fav`}
            loading={busy}
            disabled={busy || undefined}
            onClick={() => void toggleFavorite()}
          >
            <Text>{policy.favorited ? '★ 已收藏' : '☆ 收藏'}</Text>
          </Button>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className='btn btn-ghost policy__share' openType='share'>
              分享
            </Button>
          ) : null}
        </View>
      )}
    </View>
  )
}
