import { staffRoleNames, type StaffListItem, type StaffRole } from '@linli/shared/schemas/auth';
import { roleLabels } from '../access/console-routes';

/** What each role may do, in the owner's words (the table is docs/roles.md). */
export const roleDuties: Record<StaffRole, string> = {
  owner: '全部功能，并管理员工与角色',
  operator: '商品、库存、发货、优惠券、拼团、推广设置',
  service: '查看订单，处理售后',
  finance: '查看订单与数据概览，审核提现',
};

export const roleColors: Record<StaffRole, string> = { owner: 'red', operator: 'blue', service: 'cyan', finance: 'purple' };

/** The role picker's options, the owner last: handing out everything should be a deliberate choice. */
export const roleOptions = [...staffRoleNames.filter((role) => role !== 'owner'), 'owner' as const].map((role) => ({
  value: role,
  label: roleLabels[role],
  duties: roleDuties[role],
}));

/** The confirmation before switching an account off or on, and what the switch sends. */
export function activeSwitch(member: Pick<StaffListItem, 'active' | 'displayName'>, isSelf: boolean) {
  if (!member.active) {
    return { label: '启用', active: true, confirm: `启用 ${member.displayName} 的账号？启用后可用原密码登录。`, done: `已启用 ${member.displayName}` };
  }
  const consequence = isSelf ? '停用后你将无法再登录后台。' : '停用后其所有登录立即失效，且无法再登录。';
  return { label: '停用', active: false, confirm: `停用 ${member.displayName} 的账号？${consequence}`, done: `已停用 ${member.displayName}` };
}

/** The list after the BFF answered with a saved member: that row replaced, the last sign-in kept. */
export function withSaved(list: StaffListItem[], saved: Omit<StaffListItem, 'lastSignInAt'>): StaffListItem[] {
  const known = list.some((member) => member.id === saved.id);
  if (!known) return [...list, { ...saved, lastSignInAt: null }];
  return list.map((member) => (member.id === saved.id ? { ...saved, lastSignInAt: member.lastSignInAt } : member));
}
