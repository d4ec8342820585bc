import { Tag } from 'antd';
import type { PromoterStatus } from '@linli/shared/schemas/promoters';
import { promoterStatusTags } from './promoter-view';

export function PromoterStatusTag({ status }: { status: PromoterStatus }) {
  const tag = promoterStatusTags[status];
  return <Tag color={tag.color}>{tag.label}</Tag>;
}
