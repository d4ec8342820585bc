import type { ConsoleWithdrawalDetail, ConsoleWithdrawalPage, WithdrawalDecisionBody, WithdrawalStatus } from '@linli/shared/schemas/withdrawals';
import { staffSession } from '../api/console-api';

export type Decision = 'approve' | 'reject';

/** The console's withdrawal routes (bff/src/modules/withdrawals/console-routes.ts). */
export const withdrawalsApi = {
  list: (status: WithdrawalStatus | null, cursor: string | null) => {
    const query: Record<string, string> = {};
    if (status !== null) query.status = status;
    if (cursor !== null) query.cursor = cursor;
    return staffSession.request<ConsoleWithdrawalPage>({ path: '/api/console/withdrawals', query });
  },
  detail: (id: string) => staffSession.request<ConsoleWithdrawalDetail>({ path: `/api/console/withdrawals/${encodeURIComponent(id)}` }),
  decide: (id: string, decision: Decision, body: WithdrawalDecisionBody) =>
    staffSession.request<ConsoleWithdrawalDetail>({ path: `/api/console/withdrawals/${encodeURIComponent(id)}/${decision}`, method: 'POST', body }),
};
