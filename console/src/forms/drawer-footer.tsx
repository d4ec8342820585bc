import { Button, Space } from 'antd';

/** The footer of a form drawer: 取消 and the submit button, both held while the form is sending. */
export function DrawerFooter({ submitting, submitText, submitClass, onCancel, onSubmit }: { submitting: boolean; submitText: string; submitClass: string; onCancel: () => void; onSubmit: () => void }) {
  return (
    <Space style={{ float: 'right' }}>
      <Button onClick={onCancel} disabled={submitting}>
        取消
      </Button>
      <Button type="primary" className={submitClass} loading={submitting} onClick={onSubmit}>
        {submitText}
      </Button>
    </Space>
  );
}
