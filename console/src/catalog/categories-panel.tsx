import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Table, Typography, type FormInstance } from 'antd';
import type { ConsoleCategory, CreateCategoryBody } from '@linli/shared/schemas/catalog-console';
import { placeError } from '../forms/field-error';
import { catalogApi } from './catalog-api';
import { categoryChanges, categoryFields, checkCategory, type CategoryField } from './category-form';

type CategoryInput = Record<CategoryField, string>;

interface Props {
  categories: readonly ConsoleCategory[];
  loading: boolean;
  canWrite: boolean;
  /** a category was created or changed: the page reads the list again (order and counts come from the BFF) */
  onChanged: () => void;
}

/** Sends a category form: the rules first, then the BFF; a refusal stays in the form next to its field. */
function useCategorySubmit(form: FormInstance<CategoryInput>, send: (body: CreateCategoryBody) => Promise<void>) {
  const [sending, setSending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  async function submit(input: CategoryInput): Promise<boolean> {
    setFormError(null);
    const checked = checkCategory({ name: input.name ?? '', sort: input.sort ?? '' });
    if (!checked.ok) {
      form.setFields(categoryFields.map((name) => ({ name, errors: checked.errors[name] ? [checked.errors[name]] : [] })));
      return false;
    }
    setSending(true);
    try {
      await send(checked.body);
      return true;
    } catch (error) {
      const placed = placeError(error, categoryFields, { CATEGORY_NAME_TAKEN: 'name' });
      if (placed.field) form.setFields([{ name: placed.field, errors: [placed.text] }]);
      else setFormError(placed.text);
      return false;
    } finally {
      setSending(false);
    }
  }
  return { submit, sending, formError };
}

/** 类目管理: the shop's categories in the order shoppers see them, created and renamed / re-sorted here. */
export function CategoriesPanel({ categories, loading, canWrite, onChanged }: Props) {
  const { message } = App.useApp();
  const [createForm] = Form.useForm<CategoryInput>();
  const [editForm] = Form.useForm<CategoryInput>();
  const [editing, setEditing] = useState<ConsoleCategory | null>(null);

  const create = useCategorySubmit(createForm, async (body) => {
    const created = await catalogApi.createCategory(body);
    void message.success(`已新建类目「${created.name}」`);
    createForm.resetFields();
    onChanged();
  });

  const edit = useCategorySubmit(editForm, async (body) => {
    if (!editing) return;
    const changes = categoryChanges(editing, body);
    if (changes) {
      const saved = await catalogApi.updateCategory(editing.id, changes);
      void message.success(`已保存类目「${saved.name}」`);
      onChanged();
    }
    setEditing(null);
  });

  const columns = [
    { title: '类目名称', dataIndex: 'name', key: 'name' },
    { title: '排序', dataIndex: 'sort', key: 'sort', width: 120, align: 'right' as const },
    { title: '商品数', dataIndex: 'productCount', key: 'productCount', width: 120, align: 'right' as const },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_: unknown, category: ConsoleCategory) => (
              <Button
                type="link"
                size="small"
                className="category-row__edit"
                onClick={() => {
                  editForm.setFieldsValue({ name: category.name, sort: String(category.sort) });
                  setEditing(category);
                }}
              >
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="categories-panel">
      {canWrite && (
        <Card size="small" style={{ marginBottom: 16 }}>
          {create.formError && <Typography.Text type="danger">{create.formError}</Typography.Text>}
          <Form form={createForm} layout="inline" className="category-create" initialValues={{ name: '', sort: '' }} onFinish={(input) => void create.submit(input)} disabled={create.sending}>
            <Form.Item label="类目名称" name="name">
              <Input className="category-create__name" placeholder="如 茶饮冲调" style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label="排序" name="sort" tooltip="数字越小越靠前，可为负数；不填为 0">
              <Input className="category-create__sort" placeholder="0" style={{ width: 100 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={create.sending} className="category-create__submit">
                新建类目
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Card size="small">
        <Table<ConsoleCategory>
          className="categories-table"
          rowKey="id"
          size="middle"
          loading={loading}
          pagination={false}
          columns={columns}
          dataSource={[...categories]}
          locale={{ emptyText: '还没有类目' }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          买家看到的类目按排序数字从小到大排列，数字相同时按名称。
        </Typography.Paragraph>
      </Card>
      <Modal
        open={editing !== null}
        title={editing ? `编辑类目「${editing.name}」` : ''}
        okText="保存"
        okButtonProps={{ loading: edit.sending, className: 'category-edit__submit' }}
        onOk={() => editForm.submit()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        {edit.formError && <Typography.Text type="danger">{edit.formError}</Typography.Text>}
        <Form form={editForm} layout="vertical" className="category-edit" onFinish={(input) => void edit.submit(input)} disabled={edit.sending}>
          <Form.Item label="类目名称" name="name">
            <Input className="category-edit__name" />
          </Form.Item>
          <Form.Item label="排序" name="sort" extra="数字越小越靠前">
            <Input className="category-edit__sort" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
