/**
 * What Linli declares to WeChat Pay about why it pays a user (商家转账 转账场景). Commission
 * withdrawals go under 1000 现金营销, whose report must name 活动名称 and 奖励说明. The scene id
 * and its report fields change together (each scene asks for different fields) and the merchant
 * applies for a scene once in the merchant platform, so this is a constant rather than config.
 */
export const COMMISSION_TRANSFER_SCENE = {
  id: '1000',
  /** What the user sees as the reason for the money; 现金营销 allows 活动奖励 or 现金奖励. */
  userRecvPerception: '现金奖励',
  reportInfos: [
    { info_type: '活动名称', info_content: '邻里分销推广' },
    { info_type: '奖励说明', info_content: '分销佣金提现' },
  ],
} as const;
