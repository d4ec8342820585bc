export default definePageConfig({
  navigationBarTitleText: '搜索',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
});
