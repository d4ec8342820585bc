/** Taro wraps no wx.requestMerchantTransfer (商家转账 confirm-receipt sheet): the weapp global is called directly. */
declare const wx: {
  requestMerchantTransfer(option: {
    mchId: string;
    appId: string;
    package: string;
    success: () => void;
    fail: (err: { errMsg: string }) => void;
  }): void;
};

/** WeChat's own sheet where the promoter accepts a transfer into their wallet. Rejects when they back out. */
export function acceptTransferInWechat(params: { mchId: string; appId: string; package: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.requestMerchantTransfer({ ...params, success: () => resolve(), fail: (err) => reject(new Error(err.errMsg)) });
  });
}
