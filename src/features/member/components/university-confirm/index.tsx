import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { Member, UniversityMatch } from '../../../../../types'
import { setMe } from '@/services/app-store'
import { errorMessage } from '@/services/api'
import { confirmUniversity, universityMatch } from '../../api'
import './index.scss'

/** 不是 is remembered on the device for the text it answered, so the same question is asked once. */
const DECLINED_KEY = 'yz.university.declined'

/**
 * “你的学校是郑州大学吗？” for a member whose 学校 was typed freely and is not on the list but
 * matches a listed name (郑大, zzdx, a full-width variant). 是 puts the listed name in the profile,
 * so station suggestions and search find them; 不是 keeps what they typed and stops asking.
 */
export default function UniversityConfirm({ member }: { member: Member }) {
  const [match, setMatch] = useState<UniversityMatch | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setMatch(null)
    if (Taro.getStorageSync(DECLINED_KEY) === member.university) return
    let live = true
    universityMatch()
      .then((found) => {
        if (live) setMatch(found)
      })
      // A failed check just leaves the question for another visit.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [member.university])

  if (!match) return null

  const yes = async () => {
    if (busy) return
    setBusy(true)
    try {
      const updated = await confirmUniversity(match.suggestion.name)
      setMatch(null)
      setMe(updated)
      void Taro.showToast({ title: '学校已更新', icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }
  const no = () => {
    Taro.setStorageSync(DECLINED_KEY, match.typed)
    setMatch(null)
  }

  return (
    <View className='card university-confirm' id='university-confirm'>
      <Text className='university-confirm__question'>你的学校是{match.suggestion.name}吗？</Text>
      <Text className='hint university-confirm__hint'>你填写的是“{match.typed}”。确认后，驿站推荐和按学校的查找会更准确。</Text>
      <View className='university-confirm__actions'>
        <Button id='university-confirm-yes' className='btn btn-primary' loading={busy} disabled={busy || undefined} onClick={() => void yes()}>
          是
        </Button>
        <Button id='university-confirm-no' className='btn btn-ghost' disabled={busy || undefined} onClick={no}>
          不是
        </Button>
      </View>
    </View>
  )
}
