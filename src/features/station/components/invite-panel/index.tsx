import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { Invite } from '../../../../../types'
import { errorMessage } from '../../../../services/api'
import { stationInvite } from '../../api'
import './index.scss'

export interface InvitePanelProps {
  stationId: string
}

/**
 * 邀请同学: the station's code (a QR of the H5 link locally, a mini-program code on weapp) and its
 * link. Loaded on the tap, not with the page: most visits don't need it.
 */
export default function InvitePanel({ stationId }: InvitePanelProps) {
  const [invite, setInvite] = useState<Invite | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const open = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      setInvite(await stationInvite(stationId))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const link = invite ? invite.url ?? invite.path : ''
  const copy = () => {
    if (!link) return
    Taro.setClipboardData({ data: link })
      .then(() => Taro.showToast({ title: '链接已复制', icon: 'success' }))
      .catch(() => Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' }))
  }

  const preview = () => {
    if (invite && process.env.TARO_ENV === 'weapp') void Taro.previewImage({ urls: [invite.image] })
  }

  if (!invite) {
    return (
      <View className='invite-panel'>
        {error ? <Text className='invite-panel__error'>{error}</Text> : null}
        <Button id='invite-open' className='btn btn-ghost' loading={busy} disabled={busy || undefined} onClick={open}>
          <Text>{busy ? '正在生成邀请码…' : error ? '重试' : '邀请同学'}</Text>
        </Button>
      </View>
    )
  }
  return (
    <View className='invite-panel invite-panel--open' id='invite-panel'>
      <Text className='invite-panel__title'>邀请同学加入</Text>
      <Text className='hint invite-panel__hint'>
        {process.env.TARO_ENV === 'weapp' ? '同学用微信扫一扫这个小程序码，即可打开本驿站并申请加入' : '同学扫描二维码或打开链接，即可打开本驿站并申请加入'}
      </Text>
      {/* The code is square and so is its box: scaleToFill draws it whole. aspectFit on H5 positions the
          picture absolutely from where centred text would start, which pushed half of it out of the box. */}
      <Image
        id='invite-image'
        className='invite-panel__image'
        src={invite.image}
        mode='scaleToFill'
        nativeProps={{ alt: '本驿站的邀请二维码' }}
        showMenuByLongpress
        onClick={preview}
      />
      <View className='invite-panel__link'>
        <Text className='invite-panel__url' id='invite-url' userSelect>
          {link}
        </Text>
        <Button id='invite-copy' className='btn btn-primary invite-panel__copy' onClick={copy}>
          复制链接
        </Button>
      </View>
    </View>
  )
}
