import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { staffDemandsUrl, staffPoliciesUrl, staffPolicyImportUrl } from '../../urls'

const LINKS = [
  { id: 'staff-policies', title: '人才政策', hint: '新建、编辑、发布或撤回招才引智政策', url: staffPoliciesUrl() },
  { id: 'staff-demands', title: '岗位需求', hint: '发布和关闭岗位，查看并导出意向名单', url: staffDemandsUrl() },
  { id: 'staff-policy-import', title: '批量导入政策', hint: '从 Excel（.xlsx）或 CSV 文件导入政策', url: staffPolicyImportUrl('policy') },
  { id: 'staff-demand-import', title: '批量导入岗位', hint: '从 Excel（.xlsx）或 CSV 文件导入岗位需求', url: staffPolicyImportUrl('demand') },
]

/** The workbench's 招才引智 card (uses the workbench's `.staff-link` styles). */
export default function StaffPolicyLinks() {
  return (
    <View className='card'>
      <Text className='section-title'>招才引智</Text>
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
  )
}
