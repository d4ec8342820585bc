import { useCallback, useState } from 'react';
import { Button, Card, Col, Descriptions, Drawer, Row, Statistic, Typography } from 'antd';
import { formatFen } from '@linli/shared/money';
import type { ConsoleLedgerEntry, ConsoleLedgerPage, ConsolePromoter, LedgerAccountKind, LedgerEntryKind } from '@linli/shared/schemas/promoters';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { staffSession } from '../api/console-api';
import { useKeysetList } from '../lists/keyset-list';
import { KeysetTable } from '../lists/keyset-table';
import { OrderDrawer } from '../orders/order-drawer';
import { accountLabel, accountLabels, entryKindLabels, entrySubject } from './promoter-view';
import { PromoterStatusTag } from './promoter-status-tag';
import { promotersApi } from './promoters-api';


const balanceKeys = { commission_pending: 'pending', commission_available: 'available', withdrawal_in_flight: 'inFlight', withdrawn: 'withdrawn' } as const;

/**
 * One promoter's money: the four balances as the BFF keeps them (each the sum of its account's
 * entries) and the entries themselves, latest first, each commission linked to its order.
 */
export function LedgerDrawer({ promoter, onClose }: { promoter: ConsolePromoter | null; onClose: () => void }) {
  const [orderId, setOrderId] = useState<string | null>(null);
  const role = staffSession.current()?.role;
  const userId = promoter?.userId ?? null;
  const keyset = useKeysetList(
    useCallback(
      (cursor: string | null): Promise<ConsoleLedgerPage> => (userId === null ? Promise.resolve({ items: [], nextCursor: null }) : promotersApi.ledger(userId, cursor)),
      [userId],
    ),
  );

  const columns = [
    { title: '时间', dataIndex: 'createdAt', key: 'createdAt', width: 170, render: (at: string) => shanghaiTimestamp(at) },
    { title: '类型', dataIndex: 'kind', key: 'kind', width: 100, render: (kind: LedgerEntryKind) => entryKindLabels[kind] },
    { title: '账户', dataIndex: 'account', key: 'account', width: 90, render: (account: LedgerAccountKind) => accountLabel(account) },
    {
      title: '金额',
      dataIndex: 'amount',
      key: 'amount',
      width: 110,
      align: 'right' as const,
      render: (amount: number) => (
        <Typography.Text type={amount < 0 ? 'danger' : 'success'} className="ledger-entry__amount">
          {amount > 0 ? `+${formatFen(amount)}` : formatFen(amount)}
        </Typography.Text>
      ),
    },
    {
      title: '关联',
      key: 'subject',
      render: (_: unknown, entry: ConsoleLedgerEntry) => {
        const subject = entrySubject(entry);
        if (subject.kind === 'order')
          return (
            <Button type="link" size="small" className="ledger-entry__order" onClick={() => setOrderId(subject.orderId)} style={{ padding: 0 }}>
              订单 {subject.orderNo}
            </Button>
          );
        if (subject.kind === 'withdrawal') return <Typography.Text type="secondary">提现 {subject.shortId}</Typography.Text>;
        return '—';
      },
    },
  ];

  return (
    <Drawer className="ledger-drawer" open={promoter !== null} onClose={onClose} width={860} title={promoter ? `${promoter.nickname} 的佣金账户` : '佣金账户'} destroyOnClose>
      {promoter && (
        <>
          <Descriptions size="small" column={4} className="ledger-drawer__facts">
            <Descriptions.Item label="状态">
              <PromoterStatusTag status={promoter.status} />
            </Descriptions.Item>
            <Descriptions.Item label="邀请码">{promoter.inviteCode ?? '未生成'}</Descriptions.Item>
            <Descriptions.Item label="邀请人数">{promoter.invitees}</Descriptions.Item>
            <Descriptions.Item label="申请时间">{shanghaiTimestamp(promoter.appliedAt).slice(0, 10)}</Descriptions.Item>
          </Descriptions>
          <Row gutter={12} className="ledger-drawer__balances">
            {(Object.keys(accountLabels) as Array<keyof typeof accountLabels>).map((account) => (
              <Col span={6} key={account}>
                <Card size="small" className={`ledger-balance ledger-balance--${account}`}>
                  <Statistic title={accountLabels[account]} value={formatFen(promoter.balances[balanceKeys[account]])} />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" className="ledger-drawer__note">
            每个余额都是该账户全部流水之和；佣金付款时入「待结算」，售后期满转入「可提现」，提现经「提现中」到「已提现」。
          </Typography.Paragraph>
          <KeysetTable<ConsoleLedgerEntry>
            keyset={keyset}
            name="ledger-entries"
            failedTitle="流水加载失败"
            allShown={(n) => `已显示全部 ${n} 条流水`}
            rowKey="id"
            size="small"
            columns={columns}
            rowClassName={(entry) => `ledger-entry ledger-entry--${entry.kind}`}
            locale={{ emptyText: '还没有佣金流水' }}
          />
        </>
      )}
      {role && <OrderDrawer orderId={orderId} role={role} onClose={() => setOrderId(null)} onChanged={() => undefined} />}
    </Drawer>
  );
}
