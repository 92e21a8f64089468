/**
 * The privacy statement (用户隐私保护指引) in force. Changing what is collected or why means a new
 * version: members who agreed to an older one are asked again.
 */
export const PRIVACY_VERSION = '2026-11-v1'

/**
 * 面向公众/青少年 sign-ups (issue 19 §4): who, what, why, how long, and the guardian for under-14s
 * (PIPL art. 31). Shown on the sign-up form and in the statement; the retention matches
 * PUBLIC_RETENTION_DAYS (core/platform/outreach.ts). It concerns people who do not join, so members
 * are not asked to agree again.
 */
export const PUBLIC_SIGN_UP_PRIVACY =
  '不加入联盟也可以报名标有“面向公众”的科普活动。报名时我们只收集参加者的姓名、年龄、学校和年级（可不填）和联系电话，仅用于活动组织、入场核对和必要时联系你，不用于推送或统计个人画像。参加者未满14周岁的，须由父母或其他监护人代为报名，填写监护人的姓名、与参加者的关系和手机号，并勾选同意我们为上述目的处理孩子的个人信息。一个微信账号最多为3位参加者报名同一活动（例如家里的几个孩子），每人占一个名额；现场签到时会记录签到时间。这些报名与联盟成员的信息分开保存，只有活动负责人和团市委工作人员可以查看（名单中手机号打码，导出会被记录）。报名人可以在活动页面查看或取消自己的报名，也可以在“我填写的报名信息”中查看、复制全部或一键删除自己填写的全部报名信息；活动结束30天后，这些报名信息会被自动删除，只保留不含个人信息的人数统计。'

export const PRIVACY_STATEMENT = {
  version: PRIVACY_VERSION,
  title: '翼展联盟隐私保护指引',
  updatedOn: '2026年11月30日',
  sections: [
    {
      heading: '谁在收集',
      body: '翼展联盟由共青团驻马店市委运营。你加入联盟时填写的信息只用于联系和服务驻马店籍青年学子。',
    },
    {
      heading: '收集哪些信息',
      body: '姓名、手机号、学校、学院（可不填）、专业、学历、入学和毕业年份、家乡县区、关注的重点产业领域。我们不收集身份证号，也不读取你的通讯录或位置。',
    },
    {
      heading: '用来做什么',
      body: '确认你是驻马店籍学子，为你匹配所在高校的翼展驿站，推送你可能感兴趣的实践、实习、赛事与人才政策，并统计联盟整体情况。',
    },
    {
      heading: '谁能看到',
      body: '你本人可以看到全部信息。驿站站长和团市委工作人员在名单中只能看到打码后的手机号；工作人员查看完整手机号或导出名单时都会被记录。我们不会向第三方出售或提供你的信息。',
    },
    {
      heading: '你的权利',
      body: '你可以随时在“我的”里查看、修改、导出自己的全部数据（JSON 或 Excel 表格），可以撤回同意而保留账号，也可以注销账号：注销后你的个人信息会被删除，活动报名和驿站成员关系随之解除，操作记录中与你有关的内容会被匿名化。',
    },
    {
      heading: '面向公众和青少年的科普活动',
      body: PUBLIC_SIGN_UP_PRIVACY,
    },
    {
      heading: '通过公开链接填写问卷',
      body: '团市委有时会发出不限联盟成员的问卷公开链接。这类问卷只能匿名填写：答卷本身不带你的身份，我们只记录你的微信账号“已提交”，用来保证每个账号只提交一次。你可以在“我填写的报名信息”中看到这条记录，也可以随时删除它。',
    },
    {
      heading: '不同意也可以浏览',
      body: '如果你暂不同意，仍可以浏览首页、活动和政策等公开内容，只是不能加入联盟和报名。',
    },
  ],
} as const

/**
 * What withdrawing consent (PIPL art. 15) does, shown before the member confirms and on the
 * privacy page. Kept here so the server's behaviour and the words the member reads stay one.
 */
export const CONSENT_WITHDRAWAL_STATEMENT = {
  title: '撤回同意',
  stops: [
    '不再处理你的个人信息：只保存已有的记录，不再用于匹配、统计和推送',
    '不能报名活动、申请加入驿站或登记岗位意向，直到你重新同意',
    '不再向你推送订阅消息',
  ],
  keeps: [
    '你的账号和已保存的资料（你仍可以查看、导出、修改或注销）',
    '已有的报名、驿站成员关系和操作记录保持原样',
  ],
  again: '你可以随时重新阅读并同意隐私保护指引，恢复全部功能。',
} as const
