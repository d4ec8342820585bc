import { useCallback, useEffect, useState } from 'react';
import { Card, Skeleton, Tabs, Typography } from 'antd';
import type { StaffListItem, StaffMember } from '@linli/shared/schemas/auth';
import { LoadFailed } from '../pages/status-pages';
import { AuditLogTab } from './audit-log-tab';
import { StaffAccounts } from './staff-accounts';
import { staffApi } from './staff-api';
import { withSaved } from './staff-view';
import './staff.css';

type Load = { phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; members: StaffListItem[] };
type Tab = 'accounts' | 'audit';

/** 员工与角色: the owner's staff accounts (GET/POST/PATCH /api/console/staff) and the audit log. */
export default function StaffPage() {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [tab, setTab] = useState<Tab>('accounts');
  // Each visit to the log reloads it, so what was just done on the accounts tab is there.
  const [auditVisits, setAuditVisits] = useState(0);

  useEffect(() => {
    let current = true;
    setLoad({ phase: 'loading' });
    staffApi.list().then(
      (list) => current && setLoad({ phase: 'ready', members: list.items }),
      (error: unknown) => current && setLoad({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const members = load.phase === 'ready' ? load.members : [];
  const showSaved = useCallback((saved: StaffMember) => {
    setLoad((previous) => (previous.phase === 'ready' ? { phase: 'ready', members: withSaved(previous.members, saved) } : previous));
  }, []);

  return (
    <div className="console-staff">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        员工与角色
      </Typography.Title>
      <Card size="small">
        <Tabs
          className="staff-tabs"
          activeKey={tab}
          onChange={(key) => {
            setTab(key as Tab);
            if (key === 'audit') setAuditVisits((n) => n + 1);
          }}
          items={[
            {
              key: 'accounts',
              label: '员工账号',
              children: (
                <>
                  {load.phase === 'loading' && <Skeleton active paragraph={{ rows: 6 }} />}
                  {load.phase === 'failed' && (
                    <LoadFailed className="staff-error" title="员工列表加载失败" error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
                  )}
                  {load.phase === 'ready' && <StaffAccounts members={load.members} onSaved={showSaved} />}
                </>
              ),
            },
            { key: 'audit', label: '操作日志', children: <AuditLogTab members={members} visit={auditVisits} /> },
          ]}
        />
      </Card>
    </div>
  );
}
