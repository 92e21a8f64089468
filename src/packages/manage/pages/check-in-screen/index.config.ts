export default definePageConfig({
  navigationBarTitleText: '现场签到',
  navigationBarBackgroundColor: '#A51017',
})
