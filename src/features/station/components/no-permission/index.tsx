import Taro from '@tarojs/taro'
import StateView from '../../../../components/state-view'

export interface NoPermissionProps {
  /** What this person cannot do here, in their words. */
  title?: string
  description?: string
}

/** A manager's page opened by someone who does not (or no longer) manage it: say so, offer a way back. */
export default function NoPermission({
  title = '你没有管理这个驿站的权限',
  description = '站长工作台只对本驿站的站长、副站长和团市委工作人员开放。如果你的职务刚刚调整，请回到“我的”查看。',
}: NoPermissionProps) {
  return (
    <StateView
      kind='empty'
      title={title}
      description={description}
      actionText='回到我的'
      onAction={() => void Taro.switchTab({ url: '/pages/mine/index' })}
    />
  )
}
