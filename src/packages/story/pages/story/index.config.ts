export default definePageConfig({
  navigationBarTitleText: '青年人才故事',
  enableShareAppMessage: true,
  // 分享到朋友圈 opens this page in WeChat's single-page mode, where nobody has joined.
  enableShareTimeline: true,
})
