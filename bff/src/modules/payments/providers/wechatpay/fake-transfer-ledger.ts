import { randomBytes } from 'node:crypto';
import type { TransferState } from '../payment-provider';
import { digits, WechatPayApiError } from './fake-wechatpay-ledger';
import { toWechatTime } from './rfc3339';
import type { TransferBill, TransferBillCreated, TransferBillRequest } from './wire';

/**
 * The fake's 商家转账 back office (user-confirm mode): a new bill waits for the user to confirm
 * it in WeChat, and tests or the sandbox then settle it as the user and WeChat would.
 */

/** fail_reason codes WeChat Pay documents for a transfer; it documents more. */
export type TransferFailReason =
  | 'ACCOUNT_FROZEN'
  | 'REAL_NAME_CHECK_FAIL'
  | 'NAME_NOT_CORRECT'
  | 'OPENID_INVALID'
  | 'TRANSFER_QUOTA_EXCEED'
  | 'DAY_RECEIVED_QUOTA_EXCEED'
  | 'MONTH_RECEIVED_QUOTA_EXCEED'
  | 'DAY_RECEIVED_COUNT_EXCEED'
  | 'ID_CARD_NOT_CORRECT'
  | 'ACCOUNT_NOT_EXIST'
  | 'TRANSFER_RISK'
  | 'USER_ACCOUNT_LIMIT'
  | 'PAYEE_ACCOUNT_ABNORMAL'
  | 'OVERDUE_CLOSE';

/** SUCCESS: the user confirmed and the money arrived. FAIL: WeChat refused it, for the reason given. */
export type TransferOutcome = { state: 'SUCCESS' } | { state: 'FAIL'; failReason: TransferFailReason };

export interface FakeTransferBill {
  appid: string;
  mchid: string;
  outBillNo: string;
  transferBillNo: string;
  sceneId: string;
  openid: string;
  amount: number;
  remark: string;
  packageInfo: string;
  state: TransferState;
  failReason: TransferFailReason | null;
  createTime: Date;
  updateTime: Date;
}

/** The report fields WeChat requires per scene, for the one scene this merchant has applied for (1000 现金营销). */
const REQUIRED_REPORT_INFOS: Readonly<Record<string, readonly string[]>> = { '1000': ['活动名称', '奖励说明'] };

/** From 2,000 yuan WeChat requires the user's (encrypted) real name. */
const USER_NAME_REQUIRED_FROM = 200_000;

export class FakeTransferLedger {
  private readonly bills = new Map<string, FakeTransferBill>();

  create(request: TransferBillRequest, mchid: string, now: Date): FakeTransferBill {
    const existing = this.bills.get(request.out_bill_no);
    if (existing) {
      if (existing.amount !== request.transfer_amount || existing.openid !== request.openid || existing.remark !== request.transfer_remark) {
        throw new WechatPayApiError(400, 'INVALID_REQUEST', '商户单号重复，且与原请求参数不一致');
      }
      return existing;
    }
    const required = REQUIRED_REPORT_INFOS[request.transfer_scene_id];
    if (!required) throw new WechatPayApiError(403, 'NO_AUTH', '商户未开通该转账场景');
    const reported = new Set(request.transfer_scene_report_infos?.map((info) => info.info_type));
    const missing = required.find((infoType) => !reported.has(infoType));
    if (missing) throw new WechatPayApiError(400, 'PARAM_ERROR', `转账场景报备信息缺少「${missing}」`);
    if (request.transfer_amount >= USER_NAME_REQUIRED_FROM && !request.user_name) {
      throw new WechatPayApiError(400, 'PARAM_ERROR', '转账金额大于等于2000元时，收款用户姓名必填');
    }
    const bill: FakeTransferBill = {
      appid: request.appid,
      mchid,
      outBillNo: request.out_bill_no,
      transferBillNo: `1330${digits(36)}`,
      sceneId: request.transfer_scene_id,
      openid: request.openid,
      amount: request.transfer_amount,
      remark: request.transfer_remark,
      packageInfo: randomBytes(48).toString('base64'),
      state: 'WAIT_USER_CONFIRM',
      failReason: null,
      createTime: now,
      updateTime: now,
    };
    this.bills.set(bill.outBillNo, bill);
    return bill;
  }

  bill(outBillNo: string): FakeTransferBill {
    const bill = this.bills.get(outBillNo);
    if (!bill) throw new WechatPayApiError(404, 'NOT_FOUND', '记录不存在');
    return bill;
  }

  /** A waiting bill reaches its end; the same end again is allowed. A misuse by the test is a plain Error. */
  settle(outBillNo: string, outcome: TransferOutcome, now: Date): FakeTransferBill {
    const bill = this.bills.get(outBillNo);
    if (!bill) throw new Error(`fake WeChat Pay: no transfer bill ${outBillNo}`);
    const failReason = outcome.state === 'FAIL' ? outcome.failReason : null;
    if (bill.state === outcome.state && bill.failReason === failReason) return bill;
    if (bill.state !== 'WAIT_USER_CONFIRM') throw new Error(`fake WeChat Pay: transfer bill ${outBillNo} is already ${bill.state}`);
    bill.state = outcome.state;
    bill.failReason = failReason;
    bill.updateTime = now;
    return bill;
  }
}

/** As 发起转账 answers: package_info only while the user has yet to confirm. */
export function transferBillCreatedJson(bill: FakeTransferBill): TransferBillCreated {
  return {
    out_bill_no: bill.outBillNo,
    transfer_bill_no: bill.transferBillNo,
    create_time: toWechatTime(bill.createTime),
    state: bill.state,
    ...(bill.state === 'WAIT_USER_CONFIRM' ? { package_info: bill.packageInfo } : {}),
    ...(bill.failReason ? { fail_reason: bill.failReason } : {}),
  };
}

export function transferBillJson(bill: FakeTransferBill): TransferBill {
  return {
    mch_id: bill.mchid,
    out_bill_no: bill.outBillNo,
    transfer_bill_no: bill.transferBillNo,
    appid: bill.appid,
    state: bill.state,
    transfer_amount: bill.amount,
    transfer_remark: bill.remark,
    ...(bill.failReason ? { fail_reason: bill.failReason } : {}),
    openid: bill.openid,
    create_time: toWechatTime(bill.createTime),
    update_time: toWechatTime(bill.updateTime),
  };
}
