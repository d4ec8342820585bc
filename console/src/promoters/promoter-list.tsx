import { useCallback, useState } from 'react';
import { Alert, App, Button, Input, Modal, Radio, Space, Typography } from 'antd';
import { formatFen } from '@linli/shared/money';
import type { ConsolePromoter, PromoterStatus, ReferralSettings } from '@linli/shared/schemas/promoters';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { ApiError, errorText } from '../api/api-error';
import { useKeysetList } from '../lists/keyset-list';
import { KeysetTable } from '../lists/keyset-table';
import { LedgerDrawer } from './ledger-drawer';
import { PromoterStatusTag } from './promoter-status-tag';
import { decisionsFor, promoterDecisions, promoterStatusOptions, promoterStatusTags, type PromoterDecision } from './promoter-view';
import { promotersApi } from './promoters-api';

type StatusFilter = PromoterStatus | 'all';

const CONFLICT = 409;
const maxNoteLength = 200;

/** GET /api/console/promoters by status, page by page; a promoter's ledger opens in a drawer. */
export function PromoterList({ settings, canManage }: { settings: ReferralSettings; canManage: boolean }) {
  const [status, setStatus] = useState<StatusFilter>('all');
  const [open, setOpen] = useState<ConsolePromoter | null>(null);
  const [deciding, setDeciding] = useState<{ promoter: ConsolePromoter; decision: PromoterDecision } | null>(null);
  const keyset = useKeysetList(useCallback((cursor: string | null) => promotersApi.promoters(status === 'all' ? null : status, cursor), [status]));
  const { updateItems, retry: reload } = keyset;

  // A decision shows in its row at once; the row keeps its place until the list reloads.
  const replaceRow = useCallback((fresh: ConsolePromoter) => updateItems((rows) => rows.map((row) => (row.userId === fresh.userId ? fresh : row))), [updateItems]);

  const columns = [
    {
      title: '推广员',
      key: 'nickname',
      render: (_: unknown, row: ConsolePromoter) => (
        <Button type="link" className="promoter-row__ledger" onClick={() => setOpen(row)} style={{ padding: 0 }}>
          {row.nickname || '（未设置昵称）'}
        </Button>
      ),
    },
    { title: '状态', dataIndex: 'status', key: 'status', width: 90, render: (value: PromoterStatus) => <PromoterStatusTag status={value} /> },
    {
      title: '邀请码',
      dataIndex: 'inviteCode',
      key: 'inviteCode',
      width: 120,
      render: (code: string | null) => (code === null ? <Typography.Text type="secondary">未生成</Typography.Text> : <Typography.Text code>{code}</Typography.Text>),
    },
    { title: '邀请人数', dataIndex: 'invitees', key: 'invitees', width: 90, align: 'right' as const },
    { title: '待结算', key: 'pending', width: 110, align: 'right' as const, render: (_: unknown, row: ConsolePromoter) => formatFen(row.balances.pending) },
    { title: '可提现', key: 'available', width: 110, align: 'right' as const, render: (_: unknown, row: ConsolePromoter) => formatFen(row.balances.available) },
    { title: '提现中', key: 'inFlight', width: 100, align: 'right' as const, render: (_: unknown, row: ConsolePromoter) => formatFen(row.balances.inFlight) },
    { title: '已提现', key: 'withdrawn', width: 110, align: 'right' as const, render: (_: unknown, row: ConsolePromoter) => formatFen(row.balances.withdrawn) },
    { title: '申请时间', dataIndex: 'appliedAt', key: 'appliedAt', width: 170, render: (at: string) => shanghaiTimestamp(at) },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_: unknown, row: ConsolePromoter) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setOpen(row)} className="promoter-row__open">
            流水
          </Button>
          {canManage &&
            decisionsFor(row.status).map((decision) => (
              <Button
                key={decision}
                size="small"
                type="link"
                danger={promoterDecisions[decision].danger}
                className={`promoter-row__${decision}`}
                onClick={() => setDeciding({ promoter: row, decision })}
              >
                {promoterDecisions[decision].label}
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <div className="promoter-list">
      {settings.promoterMode === 'everyone' && (
        <Alert
          type="info"
          showIcon
          className="promoter-list__mode"
          message="当前为「人人可推广」：所有用户分享下单都能获得佣金，无需审核。下表列出申请过推广员或经店铺审核的用户。"
        />
      )}
      <div className="promoter-list__toolbar">
        <Radio.Group
          className="promoter-filter__status"
          optionType="button"
          value={status}
          onChange={(event) => setStatus(event.target.value as StatusFilter)}
          options={[{ value: 'all', label: '全部' }, ...promoterStatusOptions]}
        />
      </div>
      <KeysetTable<ConsolePromoter>
        keyset={keyset}
        name="promoters"
        failedTitle="推广员加载失败"
        allShown={(n) => `已显示全部 ${n} 位推广员`}
        rowKey="userId"
        size="middle"
        columns={columns}
        rowClassName={(row) => `promoter-row promoter-row--${row.status}`}
        locale={{ emptyText: status === 'all' ? '还没有推广员' : `没有${promoterStatusTags[status].label}的推广员` }}
      />
      <LedgerDrawer promoter={open} onClose={() => setOpen(null)} />
      {deciding !== null && (
        <DecisionDialog
          promoter={deciding.promoter}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDecided={(fresh) => {
            setDeciding(null);
            replaceRow(fresh);
          }}
          onStale={() => {
            setDeciding(null);
            reload();
          }}
        />
      )}
    </div>
  );
}

function DecisionDialog({
  promoter,
  decision,
  onClose,
  onDecided,
  onStale,
}: {
  promoter: ConsolePromoter;
  decision: PromoterDecision;
  onClose: () => void;
  onDecided: (fresh: ConsolePromoter) => void;
  onStale: () => void;
}) {
  const rule = promoterDecisions[decision];
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const { message } = App.useApp();

  const submit = async () => {
    setSubmitting(true);
    try {
      const fresh = await promotersApi.decide(promoter.userId, decision, note.trim());
      void message.success(`${promoter.nickname}：${rule.done}`);
      onDecided(fresh);
    } catch (error) {
      void message.error(errorText(error));
      // Someone else decided first: the list reloads to show what they did.
      if (error instanceof ApiError && error.status === CONFLICT) onStale();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      className={`promoter-decision promoter-decision--${decision}`}
      title={`${rule.label}：${promoter.nickname}？`}
      okText={`确认${rule.label}`}
      okButtonProps={{ danger: rule.danger, loading: submitting, className: 'promoter-decision__ok' }}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={!submitting}
    >
      <p>{rule.confirm}</p>
      <Input.TextArea
        className="promoter-decision__note"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        placeholder="备注（选填，仅店铺员工可见）"
        maxLength={maxNoteLength}
        showCount
        rows={3}
      />
    </Modal>
  );
}
