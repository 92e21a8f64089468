import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import CareModeSwitch from '@/components/care-mode-switch'
import Pressable from '@/components/pressable'
import StateView from '../../components/state-view'
import DemoBanner from '../../features/demo/components/demo-banner'
import { useDemo } from '../../features/demo/hooks/use-demo'
import MineActivitiesSection from '../../features/activity/components/mine-section'
import { openDemoLogin } from '../../features/demo/session'
import { openSpreadsheet } from '@/services/files'
import { deleteMyAccount, exportMyData, exportMyDataXlsx } from '../../features/member/api'
import MemberCard from '../../features/member/components/member-card'
import UniversityConfirm from '../../features/member/components/university-confirm'
import { useMe } from '@/hooks/use-me'
import { useRequestId } from '@/hooks/use-request-id'
import { deliverExport, EXPORT_NEEDS_SECOND_TAP, prepareExport, type PreparedExport } from '../../features/member/save-export'
import { setMe } from '@/services/app-store'
import MineInboxSection from '../../features/notice/components/mine-inbox-section'
import { refreshUnread } from '../../features/notice/unread'
import MinePolicySection from '../../features/policy/components/mine-policy-section'
import { destinationDue } from '../../features/pipeline/prompt'
import MyStation from '../../features/station/components/my-station'
import { errorMessage } from '../../services/api'
import './index.scss'

type Busy = 'export' | 'delete' | null

export default function MinePage() {
  const me = useMe()
  const demo = useDemo()
  const [busy, setBusy] = useState<Busy>(null)
  const [prepared, setPrepared] = useState<PreparedExport | null>(null)
  const deletion = useRequestId()

  useDidShow(() => {
    void refreshUnread()
  })
  usePullDownRefresh(() => {
    void Promise.all([me.refresh(), refreshUnread(true)]).finally(() => Taro.stopPullDownRefresh())
  })

  const exportData = async () => {
    if (busy) return
    // Two formats of the same data: a workbook to read (one sheet per kind), JSON to take elsewhere.
    let format: 'xlsx' | 'json'
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: ['Excel 表格（便于阅读）', 'JSON 文件（便于转移）'] })
      format = tapIndex === 0 ? 'xlsx' : 'json'
    } catch {
      return // the sheet was closed
    }
    const { confirm } = await Taro.showModal({
      title: '导出我的数据',
      content: `将导出联盟保存的关于你的全部数据（${format === 'xlsx' ? 'Excel 表格' : 'JSON 文件'}），包括资料、报名与回答、入站申请、岗位意向、通知和操作记录。请妥善保管，不要随意转发。`,
      confirmText: '导出',
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    setBusy('export')
    try {
      if (format === 'xlsx') {
        await openSpreadsheet(await exportMyDataXlsx())
        void Taro.showToast({ title: '已导出', icon: 'success' })
        return
      }
      const file = prepareExport(await exportMyData())
      if (EXPORT_NEEDS_SECOND_TAP) {
        setPrepared(file)
      } else {
        await deliverExport(file)
        void Taro.showToast({ title: '已导出', icon: 'success' })
      }
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const sendPrepared = () => {
    if (!prepared) return
    deliverExport(prepared)
      .then(() => setPrepared(null))
      .catch(() => Taro.showToast({ title: '没有发送，可以再点一次', icon: 'none' }))
  }

  const deleteAccount = async () => {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '注销账号',
      content: '注销后你的个人信息将被删除，活动报名和驿站成员关系随之解除，且无法恢复。确定注销吗？',
      confirmText: '确认注销',
      confirmColor: '#C8161D',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy('delete')
    try {
      await deleteMyAccount(deletion.idFor('deleteMine'))
      deletion.done()
      setMe(null)
      // Toast after the switch: a toast shown first can be swallowed by the tab change on a slow phone.
      await Taro.switchTab({ url: '/pages/index/index' })
      void Taro.showToast({ title: '已注销', icon: 'success', duration: 2000 })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const join = () => {
    if (demo.enabled && !demo.session) openDemoLogin()
    else void Taro.navigateTo({ url: '/pages/join/index' })
  }

  const renderBody = () => {
    if (me.member) {
      return (
        <View>
          <MemberCard member={me.member} />
          <UniversityConfirm member={me.member} />
          {me.member.consentWithdrawnAt ? (
            <Pressable role='link' className='card mine-consent' id='mine-consent-withdrawn' onPress={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
              <Text className='mine-consent__text'>你已撤回隐私同意：报名、入站和岗位意向已暂停，资料仍为你保留。</Text>
              <Text className='mine-consent__action'>去重新同意 ›</Text>
            </Pressable>
          ) : null}
          <MineInboxSection />
          <MyStation member={me.member} />
          <MineActivitiesSection member={me.member} />
          <MinePolicySection member={me.member} />
          <View className='mine-actions card'>
            <Pressable role='link' className='mine-action' id='action-edit' onPress={() => void Taro.navigateTo({ url: '/pages/profile-edit/index' })}>
              <Text>编辑资料</Text>
              <Text className='mine-action__arrow'>›</Text>
            </Pressable>
            <Pressable className={`mine-action${busy === 'export' ? ' mine-action--busy' : ''}`} id='action-export' disabled={busy === 'export'} onPress={() => void exportData()}>
              <Text>导出我的数据</Text>
              <Text className='mine-action__arrow'>{busy === 'export' ? '正在导出…' : '›'}</Text>
            </Pressable>
            {prepared ? (
              <View className='mine-export-ready'>
                <Text className='hint'>数据文件已生成，发送到文件传输助手或自己的聊天即可保存</Text>
                <Button className='btn btn-primary' onClick={sendPrepared}>
                  发送到聊天
                </Button>
              </View>
            ) : null}
            <Pressable role='link' className='mine-action' id='action-surveys' onPress={() => void Taro.navigateTo({ url: '/packages/survey/pages/mine/index' })}>
              <Text>我的问卷</Text>
              <Text className='mine-action__arrow'>›</Text>
            </Pressable>
            <Pressable role='link' className='mine-action' id='action-competitions' onPress={() => void Taro.navigateTo({ url: '/packages/competition/pages/list/index' })}>
              <Text>竞赛：挑战杯 · 创青春 · 振兴杯</Text>
              <Text className='mine-action__arrow'>›</Text>
            </Pressable>
            <Pressable role='link' className='mine-action' id='action-destination' onPress={() => void Taro.navigateTo({ url: '/pages/destination/index' })}>
              <Text>毕业去向登记</Text>
              <Text className='mine-action__arrow'>{destinationDue(me.member.graduationYear) ? '毕业季请登记 ›' : '›'}</Text>
            </Pressable>
            <Pressable role='link' className='mine-action' id='action-honours' onPress={() => void Taro.navigateTo({ url: '/packages/honour/pages/index/index' })}>
              <Text>评优评先</Text>
              <Text className='mine-action__arrow'>›</Text>
            </Pressable>
            <Pressable role='link' className='mine-action' id='action-privacy' onPress={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
              <Text>隐私保护指引与撤回同意</Text>
              <Text className='mine-action__arrow'>›</Text>
            </Pressable>
          </View>
          <Button
            id='action-delete'
            className='btn btn-plain mine-delete'
            loading={busy === 'delete'}
            disabled={busy !== null || undefined}
            onClick={deleteAccount}
          >
            <Text>{busy === 'delete' ? '正在注销…' : '注销账号'}</Text>
          </Button>
        </View>
      )
    }
    if (me.loading) return <StateView kind='loading' />
    if (me.status === 'error') {
      return <StateView kind='error' title='暂时连不上服务' description={me.error ?? undefined} actionText='重试' onAction={() => void me.refresh()} />
    }
    return (
      <View className='card' id='mine-empty'>
        <StateView kind='empty' title='你还没有加入翼展联盟' description='加入后可以在这里查看和管理你的资料' />
        <Button className='btn btn-primary' onClick={join}>
          加入翼展联盟
        </Button>
        <Button className='btn btn-plain' onClick={() => Taro.navigateTo({ url: '/pages/privacy/index' })}>
          隐私保护指引
        </Button>
      </View>
    )
  }

  return (
    <View className='page mine'>
      <DemoBanner />
      {renderBody()}
      <CareModeSwitch />
    </View>
  )
}
