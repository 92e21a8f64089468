// Only the local/self-hosted H5 build has a demo sign-in; the mini-program never ships it.
const demoPages = process.env.TARO_ENV === 'h5' ? ['pages/demo-login/index'] : []

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/mine/index',
    'pages/join/index',
    'pages/profile-edit/index',
    'pages/privacy/index',
    // Stations (students): the directory and a station's page.
    'pages/stations/index',
    'pages/station/index',
    // Activities (students): the tab, the detail, check-in, my activities, growth record, messages.
    'pages/activities/index',
    'pages/activity/index',
    'pages/check-in/index',
    'pages/my-activities/index',
    'pages/growth/index',
    'pages/messages/index',
    // Notices (students): the inbox and one notice.
    'pages/inbox/index',
    'pages/notice/index',
    // Talent policies and job demands (招才引智).
    'pages/policies/index',
    'pages/policy/index',
    'pages/demands/index',
    'pages/demand/index',
    'pages/favorites/index',
    // The talent pipeline (issue 14): 去向登记.
    'pages/destination/index',
    ...demoPages,
  ],
  // Role-only pages travel in subpackages, loaded only by those who open them.
  subPackages: [
    {
      root: 'packages/head',
      pages: ['pages/index/index', 'pages/requests/index', 'pages/members/index', 'pages/dashboard/index', 'pages/figure-members/index'],
    },
    {
      root: 'packages/staff',
      pages: [
        'pages/index/index',
        'pages/stations/index',
        'pages/station-edit/index',
        'pages/import/index',
        'pages/audit/index',
        'pages/fields/index',
        'pages/policies/index',
        'pages/policy-edit/index',
        'pages/demands/index',
        'pages/demand-edit/index',
        'pages/demand-interests/index',
        'pages/dashboard/index',
        'pages/figure-members/index',
      ],
    },
    // Honours 评优评先 (issue 16): apply, manage, review blind, 公示 with objections.
    { root: 'packages/honour', pages: ['pages/index/index', 'pages/nominate/index', 'pages/manage/index', 'pages/award-edit/index', 'pages/review/index', 'pages/notice/index', 'pages/certificate/index'] },
    // 家乡创新平台 (issue 19): the directory and a platform's page for everyone; staff management.
    {
      root: 'packages/platform',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/manage/index', 'pages/edit/index', 'pages/contact/index', 'pages/submit/index', 'pages/public-sign-up/index', 'pages/my-public-data/index'],
    },
    // Competitions (issue 18): students, external judges and staff.
    {
      root: 'packages/competition',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/team/index', 'pages/judge/index', 'pages/staff/index', 'pages/edit/index'],
    },
    // Staff and station heads: activity and notice management.
    {
      root: 'packages/manage',
      pages: [
        'pages/activities/index',
        'pages/activity-edit/index',
        'pages/registrations/index',
        'pages/check-in-screen/index',
        'pages/notices/index',
        'pages/notice-compose/index',
        'pages/notice-stats/index',
      ],
    },
    // Stories of young talent (issue 17): the feed and story pages are public (shared cards open them).
    { root: 'packages/story', pages: ['pages/feed/index', 'pages/story/index', 'pages/edit/index', 'pages/review/index', 'pages/archive/index'] },
    // Surveys (issue 15): management for staff and heads, and the member's 我的问卷 and answer page.
    {
      root: 'packages/survey',
      pages: ['pages/manage/index', 'pages/edit/index', 'pages/respondents/index', 'pages/results/index', 'pages/mine/index', 'pages/answer/index'],
    },
  ],
  // Only the components a page renders are injected when it opens (DevTools' quality scan asks for it).
  lazyCodeLoading: 'requiredComponents',
  // WeChat search indexes the public pages only (config/index.ts copies src/sitemap.json).
  sitemapLocation: 'sitemap.json',
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#F6F4F2',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '翼展联盟',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/activities/index',
        text: '活动',
        iconPath: 'assets/tabbar/activity.png',
        selectedIconPath: 'assets/tabbar/activity-active.png',
      },
      {
        pagePath: 'pages/policies/index',
        text: '政策',
        iconPath: 'assets/tabbar/policy.png',
        selectedIconPath: 'assets/tabbar/policy-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
})
