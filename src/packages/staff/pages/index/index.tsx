import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import StaffGate from '../../staff-gate'
import StaffPolicyLinks from '../../../../features/policy/components/staff-policy-links'
import { staffAuditUrl, staffFieldsUrl, staffImportUrl, staffStationsUrl } from '../../../../features/station/urls'
import '../../staff.scss'

const LINKS = [
  { id: 'staff-dashboard', title: '人才回引看板', hint: '加入、参与、意向、回驻：各届漏斗、县区、领域供需，点数字看名单', url: '/packages/staff/pages/dashboard/index' },
  { id: 'staff-stations', title: '驿站管理', hint: '新建、编辑、关闭驿站，任免站长和副站长', url: staffStationsUrl() },
  { id: 'staff-platforms', title: '家乡创新平台', hint: '平台目录的新建、编辑、归档和批量导入；看每个平台带来了谁', url: '/packages/platform/pages/manage/index' },
  { id: 'staff-import', title: '批量导入驿站', hint: '从 Excel（.xlsx）或 CSV 文件一次导入多个驿站', url: staffImportUrl() },
  { id: 'staff-stories', title: '青年人才故事审核', hint: '机器检测后的故事由你审核发布，可置顶和排序', url: '/packages/story/pages/review/index' },
  { id: 'staff-surveys', title: '问卷调研', hint: '按县区、驿站等定向发问卷，第二位工作人员审核后发布，查看未填写名单和结果', url: '/packages/survey/pages/manage/index' },
  { id: 'staff-audit', title: '操作日志', hint: '站长和工作人员的每一次操作、导出都有记录', url: staffAuditUrl() },
  { id: 'staff-honours', title: '评优评先', hint: '奖项、提名、资格审查、评委抽取、公示与异议、授予', url: '/packages/honour/pages/manage/index' },
  { id: 'staff-fields', title: '重点产业领域', hint: '维护同学可选择的重点产业领域清单', url: staffFieldsUrl() },
]

/** 团市委工作台: the league staff's way into stations, imports, the audit log and the taxonomy. */
export default function StaffHomePage() {
  return <StaffGate>{() => <Workbench />}</StaffGate>
}

function Workbench() {
  return (
    <View className='page staff' id='staff-home'>
      <View className='staff-hero'>
        <Text className='staff-hero__eyebrow'>共青团驻马店市委</Text>
        <Text className='staff-hero__title'>团市委工作台</Text>
      </View>
      <View className='card'>
        {LINKS.map((link) => (
          <Pressable role='link' className='staff-link' key={link.id} id={link.id} onPress={() => void Taro.navigateTo({ url: link.url })}>
            <View className='staff-link__main'>
              <Text className='staff-link__title'>{link.title}</Text>
              <Text className='hint'>{link.hint}</Text>
            </View>
            <Text className='staff-link__arrow'>›</Text>
          </Pressable>
        ))}
      </View>
      <StaffPolicyLinks />
    </View>
  )
}
