/**
 * The privacy notice a shopper accepts before the first sign-in. Change the text, change the
 * version: every shopper is asked again.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11-22';

export interface NoticeSection {
  heading: string;
  body: string;
}

export const privacyNotice: { title: string; intro: string; sections: readonly NoticeSection[] } = {
  title: '用户协议与隐私政策',
  intro: '欢迎来到邻里。登录前请阅读以下说明，了解我们收集哪些信息、为什么收集、保存多久。',
  sections: [
    {
      heading: '我们收集的信息',
      body: '微信身份标识（openid），用于登录和识别你的账号；你自行填写的昵称和头像；你主动绑定的手机号；你填写的收货地址；你的订单、支付、拼团和分享邀请记录。',
    },
    {
      heading: '为什么收集',
      body: '为你登录、下单发货、售后联系、组织拼团、发放优惠券和结算推广佣金。我们不会出售你的个人信息，只在发货、支付等必要环节交给快递和支付服务方。',
    },
    {
      heading: '保存多久',
      body: '账号存续期间保存你的资料；注销后删除或匿名化。订单信息按《电子商务法》自交易完成之日起保存三年。浏览和分享记录按店铺设定的期限保存后删除。',
    },
    {
      heading: '你的权利',
      body: '你可以随时在「我的」修改昵称和头像；需要查询、导出或删除个人信息，可联系店铺客服。不同意本说明，你仍可浏览商品，但无法登录、下单和领券。',
    },
  ],
};
