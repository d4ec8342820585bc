import type { Withdrawal } from '@linli/shared/schemas/withdrawals';
import type { Page } from '../paging/paged-list';
import { request } from './client';

/** The same key again returns the withdrawal it created, so a retried tap never asks twice. */
export function requestWithdrawal(amount: number, idempotencyKey: string): Promise<Withdrawal> {
  return request<Withdrawal>({ path: '/api/withdrawals', method: 'POST', body: { amount }, headers: { 'Idempotency-Key': idempotencyKey }, auth: 'required' });
}

export function listWithdrawals(cursor: string | null): Promise<Page<Withdrawal>> {
  return request<Page<Withdrawal>>({ path: '/api/withdrawals', query: { cursor, limit: 20 }, auth: 'required' });
}

/** After WeChat reports the transfer accepted: the BFF asks WeChat Pay at once. */
export function refreshWithdrawal(id: string): Promise<Withdrawal> {
  return request<Withdrawal>({ path: `/api/withdrawals/${encodeURIComponent(id)}/refresh`, method: 'POST', auth: 'required' });
}

/** Sandbox only: stands in for the promoter accepting the transfer in WeChat. */
export function confirmWithdrawalInSandbox(id: string): Promise<Withdrawal> {
  return request<Withdrawal>({ path: `/api/payments/sandbox/withdrawals/${encodeURIComponent(id)}/confirm`, method: 'POST', auth: 'required' });
}
