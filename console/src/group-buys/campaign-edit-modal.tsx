import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { GroupCampaign, UpdateGroupCampaignBody } from '@linli/shared/schemas/group-buys';
import { shanghaiDateTime } from '@linli/shared/shanghai-time';
import { checkCampaignEdit, editInputOf, placeCampaignError, type FieldProblem } from './campaign-form';
import { switchConsequence } from './campaign-view';
import { clearEdited } from '../forms/clear-edited';
import { groupBuysApi } from './group-buys-api';

interface FormValues {
  title: string;
  endsAt: Dayjs;
  active: boolean;
}

const minuteFormat = 'YYYY-MM-DD HH:mm';

/** What PATCH allows: the title, the switch, and a later end (the window never shrinks for shoppers). */
export function CampaignEditModal({ campaign, onClose, onSaved }: { campaign: GroupCampaign; onClose: () => void; onSaved: (saved: GroupCampaign) => void }) {
  // Untyped: problems name fields by path (['skus', 2, 'groupPrice']), which the typed form does not take.
  const [form] = Form.useForm();
  const { modal } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [above, setAbove] = useState<string | null>(null);
  const initial = editInputOf(campaign);
  const currentEnd = dayjs(initial.endsAt);

  function show(problems: FieldProblem[]) {
    form.setFields(problems.map((problem) => ({ name: problem.field, errors: [problem.text] })));
  }

  async function submit() {
    setAbove(null);
    const values = form.getFieldsValue(true) as FormValues;
    const checked = checkCampaignEdit({ title: values.title ?? '', endsAt: values.endsAt?.format(minuteFormat) ?? '', active: values.active }, campaign);
    if (!checked.ok) {
      show(checked.problems);
      return;
    }
    const body = checked.body;
    if (body.active === false) {
      modal.confirm({ title: '停用拼团', content: switchConsequence(true), okText: '停用', okButtonProps: { danger: true }, cancelText: '取消', onOk: () => save(body) });
      return;
    }
    await save(body);
  }

  async function save(body: UpdateGroupCampaignBody) {
    setSubmitting(true);
    try {
      onSaved(await groupBuysApi.update(campaign.id, body));
    } catch (error) {
      const placed = placeCampaignError(error, []);
      show(placed.problems);
      setAbove(placed.above);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      className="campaign-edit-modal"
      title={`编辑拼团：${campaign.title}`}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: submitting, className: 'campaign-edit__save' }}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={!submitting}
    >
      <Form
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={{ title: initial.title, endsAt: currentEnd, active: initial.active }}
        onValuesChange={(changed: Partial<FormValues>) => clearEdited(form, changed)}
      >
        {above && <Alert type="error" showIcon message={above} style={{ marginBottom: 16 }} />}
        <Form.Item label="活动标题" name="title">
          <Input className="campaign-edit__title" maxLength={40} showCount />
        </Form.Item>
        <Form.Item label="结束时间（北京时间）" name="endsAt" extra={`只能推迟，当前为 ${shanghaiDateTime(campaign.endsAt)}`}>
          <DatePicker
            className="campaign-edit__ends-at"
            showTime={{ format: 'HH:mm' }}
            format={minuteFormat}
            allowClear={false}
            disabledDate={(day) => day.isBefore(currentEnd, 'day')}
          />
        </Form.Item>
        <Form.Item label="上线" name="active" valuePropName="checked">
          <Switch className="campaign-edit__active" checkedChildren="进行" unCheckedChildren="停用" />
        </Form.Item>
        <Typography.Text type="secondary">商品、SKU、价格和成团规则在创建后不能修改；如需调整，请停用后新建活动。</Typography.Text>
      </Form>
    </Modal>
  );
}
