import { Text, View } from '@tarojs/components'
import type { Member, Role } from '../../../../../types'
import { formatDate } from '../../../../utils/format'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import './index.scss'

const ROLE_LABELS: Partial<Record<Role, string>> = {
  station_head: '站长',
  staff: '团市委',
}

export interface MemberCardProps {
  member: Member
}

/** The member's own card: shown only to themself, so the phone is shown in full. */
export default function MemberCard({ member }: MemberCardProps) {
  const { countyName, degreeName, fieldName } = useTaxonomy()
  const roleLabel = ROLE_LABELS[member.role]
  const rows: [string, string][] = [
    ['学校', member.university],
    ['学院', member.college || '未填写'],
    ['专业', member.major],
    ['学历', degreeName(member.degree)],
    ['在校', `${member.enrollmentYear} – ${member.graduationYear}`],
    ['手机号', member.phone],
  ]
  return (
    <View className='member-card' id='member-card'>
      <View className='member-card__head'>
        <View className='member-card__avatar'>
          <Text>{member.name.slice(0, 1)}</Text>
        </View>
        <View className='member-card__who'>
          <View>
            <Text className='member-card__name' id='member-name'>
              {member.name}
            </Text>
            {roleLabel ? <Text className='tag tag-role'>{roleLabel}</Text> : null}
            {member.isDemo ? <Text className='tag tag-demo member-card__demo'>示例</Text> : null}
          </View>
          <Text className='member-card__origin'>驻马店 · {countyName(member.hometownCounty)}</Text>
        </View>
      </View>
      <View className='member-card__body'>
        {rows.map(([label, value]) => (
          <View className='member-card__row' key={label}>
            <Text className='member-card__label'>{label}</Text>
            <Text className='member-card__value' id={`member-${label}`}>
              {value}
            </Text>
          </View>
        ))}
        <View className='member-card__row'>
          <Text className='member-card__label'>关注领域</Text>
          <View className='member-card__fields'>
            {member.fields.map((id) => (
              <Text className='member-card__field' key={id}>
                {fieldName(id)}
              </Text>
            ))}
          </View>
        </View>
      </View>
      <Text className='member-card__joined'>加入时间 {formatDate(member.joinedAt)}</Text>
    </View>
  )
}
