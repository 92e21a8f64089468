export default definePageConfig({
  navigationBarTitleText: '政策详情',
  enableShareAppMessage: true,
  // 分享到朋友圈 opens this page in WeChat's single-page mode, where nobody has joined.
  enableShareTimeline: true,
})
