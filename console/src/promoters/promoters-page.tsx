import { useEffect, useState } from 'react';
import { Skeleton, Tabs, Typography } from 'antd';
import type { ReferralSettings, ReferralWindows } from '@linli/shared/schemas/promoters';
import { allows } from '@linli/shared/staff-permissions';
import { staffSession } from '../api/console-api';
import { LoadFailed } from '../pages/status-pages';
import { ProductRates } from './product-rates';
import { PromoterList } from './promoter-list';
import { promotersApi } from './promoters-api';
import { SettingsCard } from './settings-card';
import './promoters.css';

type Load = { phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; settings: ReferralSettings; windows: ReferralWindows };

/**
 * 推广员与佣金: promoters and their ledgers, the shop's referral settings, and products with their own
 * commission rates. Everyone with referrals.read sees it all; only referrals.manage gets the controls.
 */
export default function PromotersPage() {
  const role = staffSession.current()?.role;
  const canManage = role !== undefined && allows(role, 'referrals.manage');
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoad({ phase: 'loading' });
    Promise.all([promotersApi.settings(), promotersApi.windows()]).then(
      ([settings, windows]) => current && setLoad({ phase: 'ready', settings, windows }),
      (error: unknown) => current && setLoad({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  return (
    <div className="console-promoters">
      <Typography.Title level={4} className="promoters-title">
        推广员与佣金
      </Typography.Title>
      {load.phase === 'loading' && <Skeleton active paragraph={{ rows: 10 }} />}
      {load.phase === 'failed' && <LoadFailed title="分销设置加载失败" error={load.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {load.phase === 'ready' && (
        <Tabs
          className="promoters-tabs"
          items={[
            { key: 'promoters', label: '推广员', children: <PromoterList settings={load.settings} canManage={canManage} /> },
            {
              key: 'settings',
              label: '佣金设置',
              children: (
                <SettingsCard
                  settings={load.settings}
                  windows={load.windows}
                  canManage={canManage}
                  onSaved={(settings) => setLoad({ phase: 'ready', settings, windows: load.windows })}
                />
              ),
            },
            { key: 'products', label: '商品佣金', children: <ProductRates settings={load.settings} canManage={canManage} /> },
          ]}
        />
      )}
    </div>
  );
}
