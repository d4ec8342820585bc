// Tab pages and the share landing page stay in the main package (a share code opens
// pages/landing/index directly); everything else loads on demand from a subpackage.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/cart/index', 'pages/me/index', 'pages/landing/index'],
  subPackages: [
    { root: 'packages/product', pages: ['detail/index'] },
    { root: 'packages/group', pages: ['detail/index'] },
    { root: 'packages/order', pages: ['checkout/index', 'pay/index', 'list/index', 'detail/index', 'after-sale/index'] },
    { root: 'packages/catalog', pages: ['category/index', 'search/index'] },
    { root: 'packages/promoter', pages: ['centre/index', 'invitees/index', 'earnings/index', 'withdraw/index', 'poster/index'] },
    { root: 'packages/coupon', pages: ['centre/index', 'mine/index'] },
  ],
  // chooseAddress is a privacy-declared API: without this entry current WeChat clients refuse it.
  requiredPrivateInfos: ['chooseAddress'],
  tabBar: {
    color: '#999999',
    selectedColor: '#e4393c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/cart/index', text: '购物车', iconPath: 'assets/tab/cart.png', selectedIconPath: 'assets/tab/cart-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  window: {
    navigationBarTitleText: '邻里',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
});
