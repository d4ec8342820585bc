import type { ConsoleWithdrawal, ConsoleWithdrawalDetail, WithdrawalDecisionBody, WithdrawalStatus } from '@linli/shared/schemas/withdrawals';
import { staffSession } from '../api/console-api';

/** ConsoleWithdrawalPage's shape: shared exports the schema but no type for it, and the console does not depend on TypeBox. */
export interface ConsoleWithdrawalList {
  items: ConsoleWithdrawal[];
  nextCursor: string | null;
}
export type Decision = 'approve' | 'reject';

/** The console's withdrawal routes (bff/src/modules/withdrawals/console-routes.ts). */
export const withdrawalsApi = {
  list: (status: WithdrawalStatus | null, cursor: string | null) => {
    const query: Record<string, string> = {};
    if (status !== null) query.status = status;
    if (cursor !== null) query.cursor = cursor;
    return staffSession.request<ConsoleWithdrawalList>({ path: '/api/console/withdrawals', query });
  },
  detail: (id: string) => staffSession.request<ConsoleWithdrawalDetail>({ path: `/api/console/withdrawals/${encodeURIComponent(id)}` }),
  decide: (id: string, decision: Decision, body: WithdrawalDecisionBody) =>
    staffSession.request<ConsoleWithdrawalDetail>({ path: `/api/console/withdrawals/${encodeURIComponent(id)}/${decision}`, method: 'POST', body }),
};
