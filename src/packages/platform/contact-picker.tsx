import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { PlatformContactPerson, PlatformMemberCandidate } from '../../../types'
import SearchBar from '@/components/search-bar'
import { errorMessage } from '@/services/api'
import { addPlatformContact, platformMemberCandidates, removePlatformContact } from '../../features/platform/api'

interface Props {
  platformId: string
  contacts: PlatformContactPerson[]
  /** Whether another staff action of the panel is running. */
  busy: boolean
  /** After a contact was added or removed: the panel reloads its lists. */
  changed: () => Promise<void>
}

/**
 * Staff name a platform's contact by finding a member (name or school; phones masked) and
 * remove one; a removed contact loses the platform's rights on their next call.
 */
export default function ContactPicker({ platformId, contacts, busy, changed }: Props) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<PlatformMemberCandidate[] | null>(null)
  const [searching, setSearching] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [working, setWorking] = useState<string | null>(null)

  const search = async (words: string) => {
    setQ(words)
    setError(null)
    if (!words) {
      setFound(null)
      return
    }
    setSearching(true)
    try {
      setFound(await platformMemberCandidates(platformId, words))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSearching(false)
    }
  }

  const act = async (openid: string, work: () => Promise<unknown>, done: string) => {
    if (working || busy) return
    setWorking(openid)
    try {
      await work()
      void Taro.showToast({ title: done, icon: 'success' })
      await changed()
      if (q) await search(q)
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      setWorking(null)
    }
  }

  const remove = async (c: PlatformContactPerson) => {
    const { confirm } = await Taro.showModal({ title: '移除联系人？', content: `移除后${c.name}不能再为本平台提交活动和岗位。` })
    if (confirm) await act(c.openid, () => removePlatformContact(platformId, c.openid), '已移除')
  }

  const disabled = busy || working !== null

  return (
    <View id='platform-contacts'>
      <Text className='section-title'>平台联系人</Text>
      {contacts.length === 0 ? <Text className='hint'>还没有联系人</Text> : null}
      {contacts.map((c) => (
        <View className='platform-page__line platform-page__line--row' key={c.openid} id={`contact-${c.openid}`}>
          <Text className='platform-page__line-meta'>
            {c.name}（{c.via === 'invite' ? '邀请码加入' : '联盟成员'}）
          </Text>
          <Button className='btn btn-plain' id={`contact-remove-${c.openid}`} loading={working === c.openid} disabled={disabled || undefined} onClick={() => void remove(c)}>
            移除
          </Button>
        </View>
      ))}
      <Text className='platform-page__label'>从联盟成员中指定</Text>
      <SearchBar id='contact-search' placeholder='输入成员姓名或学校' onSearch={(words) => void search(words)} />
      {searching ? <Text className='hint'>正在查找…</Text> : null}
      {error ? <Text className='platform-page__error' id='contact-search-error'>{error}</Text> : null}
      {!searching && found !== null && found.length === 0 ? <Text className='hint'>没有找到姓名或学校含“{q}”的成员</Text> : null}
      {!searching &&
        (found ?? []).map((m) => (
          <View className='platform-page__line platform-page__line--row' key={m.openid} id={`candidate-${m.openid}`}>
            <Text className='platform-page__line-meta'>
              {m.name} · {m.university} · {m.phoneMasked}
            </Text>
            {m.isContact ? (
              <Text className='hint'>已是联系人</Text>
            ) : (
              <Button
                className='btn btn-ghost'
                id={`candidate-add-${m.openid}`}
                loading={working === m.openid}
                disabled={disabled || undefined}
                onClick={() => void act(m.openid, () => addPlatformContact(platformId, m.openid), '已设为联系人')}
              >
                设为联系人
              </Button>
            )}
          </View>
        ))}
    </View>
  )
}
