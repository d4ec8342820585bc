import { Button, Popconfirm } from 'antd';

/**
 * 停用 / 启用 for a row, confirmed first: `consequence` tells staff what switching does to shoppers.
 * The button spins until the BFF answered.
 */
export function SwitchButton(props: { active: boolean; what: string; consequence: string; saving: boolean; className: string; onConfirm: () => Promise<void> }) {
  const verb = props.active ? '停用' : '启用';
  return (
    <Popconfirm
      title={`${verb}${props.what}`}
      description={<div style={{ maxWidth: 280 }}>{props.consequence}</div>}
      okText={verb}
      okButtonProps={{ danger: props.active }}
      cancelText="取消"
      onConfirm={props.onConfirm}
    >
      <Button type="link" size="small" danger={props.active} loading={props.saving} className={props.className}>
        {verb}
      </Button>
    </Popconfirm>
  );
}
