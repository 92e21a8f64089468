// Only the local/self-hosted H5 build has a demo sign-in; the mini-program never ships it.
const demoPages = process.env.TARO_ENV === 'h5' ? ['pages/demo-login/index'] : []

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/mine/index',
    'pages/join/index',
    'pages/profile-edit/index',
    'pages/privacy/index',
    'pages/stations/index',
    'pages/station/index',
    ...demoPages,
  ],
  // Role-only pages travel in subpackages, loaded only by those who open them.
  subPackages: [
    {
      root: 'packages/head',
      pages: ['pages/index/index', 'pages/requests/index', 'pages/members/index'],
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
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#F6F4F2',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '翼展联盟',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#8A8A8A',
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
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
})
