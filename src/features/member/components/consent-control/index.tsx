import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { Member } from '../../../../../types'
import { CONSENT_WITHDRAWAL_STATEMENT, PRIVACY_VERSION } from '../../../../../types'
import { errorMessage } from '../../../../services/api'
import { giveConsent, withdrawConsent } from '../../api'
import { useRequestId } from '@/hooks/use-request-id'
import { setMe } from '@/services/app-store'
import './index.scss'

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ')

/**
 * Withdrawing consent without deleting the account (PIPL art. 15), and giving it again: what stops
 * and what is kept is said before the member confirms, in the words the server acts on.
 */
export default function ConsentControl({ member }: { member: Member }) {
  const [busy, setBusy] = useState(false)
  const request = useRequestId()
  const withdrawn = member.consentWithdrawnAt ?? null
  const statement = CONSENT_WITHDRAWAL_STATEMENT

  const act = async (kind: 'withdraw' | 'give') => {
    if (busy) return
    if (kind === 'withdraw') {
      const { confirm } = await Taro.showModal({
        title: '撤回同意',
        content: `撤回后：${statement.stops.join('；')}。${statement.again}`,
        confirmText: '确认撤回',
        confirmColor: '#C8161D',
        cancelText: '再想想',
      })
      if (!confirm) return
    }
    setBusy(true)
    try {
      const updated = kind === 'withdraw' ? await withdrawConsent(request.idFor('withdraw')) : await giveConsent(PRIVACY_VERSION, request.idFor('give'))
      request.done()
      setMe(updated)
      void Taro.showToast({ title: kind === 'withdraw' ? '已撤回同意' : '已重新同意', icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='consent-control' id='consent-control'>
      <Text className='consent-control__title'>{statement.title}</Text>
      {withdrawn ? (
        <Text className='consent-control__state' id='consent-withdrawn'>
          你已于 {day(withdrawn)} 撤回同意。重新同意后才能报名活动、申请加入驿站和登记岗位意向。
        </Text>
      ) : (
        <View>
          <Text className='consent-control__lead'>你可以撤回同意而保留账号。撤回后：</Text>
          {statement.stops.map((line) => (
            <Text key={line} className='consent-control__item'>
              · {line}
            </Text>
          ))}
          <Text className='consent-control__lead'>仍然保留：</Text>
          {statement.keeps.map((line) => (
            <Text key={line} className='consent-control__item'>
              · {line}
            </Text>
          ))}
        </View>
      )}
      <Button
        id={withdrawn ? 'consent-give' : 'consent-withdraw'}
        className={`btn ${withdrawn ? 'btn-primary' : 'btn-plain'}`}
        loading={busy}
        disabled={busy || undefined}
        onClick={() => void act(withdrawn ? 'give' : 'withdraw')}
      >
        <Text>{busy ? '正在提交…' : withdrawn ? '我已阅读并重新同意隐私保护指引' : '撤回同意'}</Text>
      </Button>
    </View>
  )
}
