import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Col, Divider, Drawer, Form, Input, Row, Select, Skeleton, Space, Switch, Typography } from 'antd';
import type { ConsoleCategory, ConsoleProductDetail, StockLevel } from '@linli/shared/schemas/catalog-console';
import { LoadFailed } from '../pages/status-pages';
import { catalogApi } from './catalog-api';
import { ImageUploader } from './image-uploader';
import {
  checkDraft,
  codePrefixOf,
  createBody,
  draftOf,
  editPlan,
  emptyDraft,
  limits,
  planIsEmpty,
  refusalErrors,
  skuCellKey,
  withSavedSkus,
  type ErrorKey,
  type FormErrors,
  type ProductDraft,
  type Refused,
  type SkuCell,
} from './product-form';
import { skuLabel } from './product-view';
import { SkuGridTable } from './sku-grid-table';
import { newCodePrefix, regenerateRows, type SkuRow, type SpecDraft } from './sku-grid';
import { SpecEditor } from './spec-editor';
import { StockDialog, type StockTarget } from './stock-dialog';

export type EditorTarget = { mode: 'create' } | { mode: 'edit'; id: string };

interface Props {
  target: EditorTarget | null;
  canWrite: boolean;
  categories: readonly ConsoleCategory[];
  onClose: () => void;
  /** the product as the BFF saved it; `created` for a new one */
  onSaved: (product: ConsoleProductDetail, created: boolean) => void;
  /** a stock adjustment changed the product without closing the editor */
  onChanged: (product: ConsoleProductDetail) => void;
}

/** 新建 / 编辑商品 in a wide drawer; a role that only reads the catalog sees the same form, read-only. */
export function ProductEditor({ target, ...props }: Props) {
  const title = target === null ? '' : target.mode === 'create' ? '新建商品' : props.canWrite ? '编辑商品' : '查看商品';
  return (
    <Drawer className="product-editor" open={target !== null} title={title} width={1080} onClose={props.onClose} destroyOnHidden>
      {target?.mode === 'create' && <EditorForm saved={null} {...props} />}
      {target?.mode === 'edit' && <EditLoader key={target.id} id={target.id} {...props} />}
    </Drawer>
  );
}

type FormProps = Omit<Props, 'target'>;

/** Brings the first field in error (else the message above the form) into view; only the drawer scrolls, not the list behind it. */
function revealFirstError(form: HTMLElement | null) {
  const field = form?.querySelector('.ant-form-item-has-error') ?? form?.querySelector('.product-form__error');
  const body = field?.closest('.ant-drawer-body');
  if (!field || !body) return;
  body.scrollTop += field.getBoundingClientRect().top - body.getBoundingClientRect().top - 96;
}

function EditLoader({ id, ...props }: FormProps & { id: string }) {
  const [load, setLoad] = useState<{ phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; product: ConsoleProductDetail }>({
    phase: 'loading',
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setLoad({ phase: 'loading' });
    catalogApi.product(id).then(
      (product) => current && setLoad({ phase: 'ready', product }),
      (error: unknown) => current && setLoad({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [id, attempt]);

  if (load.phase === 'loading') return <Skeleton active paragraph={{ rows: 12 }} />;
  if (load.phase === 'failed') {
    return <LoadFailed title="商品加载失败" error={load.error} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  return <EditorForm saved={load.product} {...props} />;
}

function EditorForm({ saved: initial, canWrite, categories, onClose, onSaved, onChanged }: FormProps & { saved: ConsoleProductDetail | null }) {
  const [codePrefix] = useState(() => (initial ? codePrefixOf(initial.skus.map((s) => s.code)) : newCodePrefix()));
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<ProductDraft>(() => (initial ? draftOf(initial, codePrefix) : emptyDraft(codePrefix)));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [stockTarget, setStockTarget] = useState<StockTarget | null>(null);
  const [refusals, setRefusals] = useState(0);
  const { message } = App.useApp();
  const formRef = useRef<HTMLDivElement>(null);
  const editable = canWrite && !saving;

  useEffect(() => {
    if (refusals > 0) revealFirstError(formRef.current);
  }, [refusals]);

  function clear(keys: ErrorKey[]) {
    setErrors((all) => {
      const left = { ...all };
      for (const key of keys) delete left[key];
      return left;
    });
  }

  function change(patch: Partial<ProductDraft>, key: ErrorKey) {
    setDraft((d) => ({ ...d, ...patch }));
    clear([key]);
  }

  function changeSpecs(specs: SpecDraft[]) {
    setDraft((d) => ({ ...d, specs, skus: regenerateRows(specs, d.skus, codePrefix) }));
    clear(['specs', 'skus', ...specs.flatMap((_, i): ErrorKey[] => [`specs.${i}.name`, `specs.${i}.values`])]);
  }

  function changeRows(update: (rows: SkuRow[]) => SkuRow[], touched: SkuCell[]) {
    setDraft((d) => ({ ...d, skus: update(d.skus) }));
    clear(draft.skus.flatMap((row) => touched.map((cell) => skuCellKey(row.key, cell))));
  }

  async function save() {
    setFormError(null);
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError('有内容需要修改，请查看标红的地方');
      setRefusals((n) => n + 1);
      return;
    }
    setErrors({});
    if (saved === null) {
      setSaving(true);
      try {
        onSaved(await catalogApi.createProduct(createBody(checked.product)), true);
      } catch (error) {
        const placed = refusalErrors(error, { rowKeys: checked.product.skus.map((s) => s.rowKey) });
        setErrors(placed.fields);
        setFormError(placed.message);
        setRefusals((n) => n + 1);
      } finally {
        setSaving(false);
      }
      return;
    }

    const plan = editPlan(saved, checked.product);
    if (planIsEmpty(plan)) {
      void message.info('没有需要保存的修改');
      return;
    }
    setSaving(true);
    // Which call is running, so a refusal lands on the row it was about.
    let refused: Refused = { rowKeys: [] };
    try {
      if (plan.patch) await catalogApi.updateProduct(saved.id, plan.patch);
      for (const added of plan.newSkus) {
        refused = { rowKey: added.rowKey };
        await catalogApi.addSku(saved.id, added.body);
      }
      for (const repricing of plan.repricings) {
        refused = { rowKey: repricing.rowKey };
        await catalogApi.repriceSku(repricing.skuId, repricing.body);
      }
      refused = { rowKeys: [] };
      if (plan.onShelf !== null) await catalogApi.setShelf(saved.id, plan.onShelf);
      onSaved(await catalogApi.product(saved.id), false);
    } catch (error) {
      const placed = refusalErrors(error, refused);
      setErrors(placed.fields);
      setFormError(placed.message);
      setRefusals((n) => n + 1);
      // What the BFF took before the refusal is saved: count from its record now, keeping what was typed.
      const fresh = await catalogApi.product(saved.id).catch(() => null);
      if (fresh) {
        setSaved(fresh);
        setDraft((d) => withSavedSkus(d, fresh));
        onChanged(fresh);
      }
    } finally {
      setSaving(false);
    }
  }

  function adjusted(level: StockLevel) {
    if (stockTarget) void message.success(`${stockTarget.label} 库存已调整为 ${level.stock}`);
    setStockTarget(null);
    setDraft((d) => ({ ...d, skus: d.skus.map((row) => (row.id === level.skuId ? { ...row, stock: String(level.stock) } : row)) }));
    if (saved) {
      const updated = { ...saved, skus: saved.skus.map((s) => (s.id === level.skuId ? { ...s, stock: level.stock } : s)) };
      setSaved(updated);
      onChanged(updated);
    }
  }

  async function rereadStock(skuId: string): Promise<number | null> {
    if (!saved) return null;
    const fresh = await catalogApi.product(saved.id).catch(() => null);
    if (!fresh) return null;
    setSaved(fresh);
    setDraft((d) => withSavedSkus(d, fresh));
    onChanged(fresh);
    return fresh.skus.find((s) => s.id === skuId)?.stock ?? null;
  }

  const openStock = (row: SkuRow) => {
    const sku = saved?.skus.find((s) => s.id === row.id);
    if (saved && sku) setStockTarget({ skuId: sku.id, label: `${skuLabel(saved.specs, sku.specs)} · ${sku.code}`, stock: sku.stock });
  };

  const status = (key: ErrorKey) => ({ validateStatus: errors[key] ? ('error' as const) : undefined, help: errors[key] });

  return (
    <div className="product-form" ref={formRef}>
      {formError && <Alert className="product-form__error" type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" disabled={!editable}>
        <Divider orientation="left" orientationMargin={0}>
          基本信息
        </Divider>
        <Row gutter={16}>
          <Col span={15}>
            <Form.Item label="商品标题" required className="product-form__title" {...status('title')}>
              <Input value={draft.title} maxLength={limits.title} showCount placeholder="如 云南小粒咖啡豆 454g" onChange={(e) => change({ title: e.target.value }, 'title')} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item label="类目" required className="product-form__category" {...status('categoryId')}>
              <Select
                value={draft.categoryId ?? undefined}
                placeholder="选择类目"
                options={categories.map((c) => ({ value: c.id, label: c.name }))}
                onChange={(categoryId: string) => change({ categoryId }, 'categoryId')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="副标题" className="product-form__subtitle" {...status('subtitle')}>
          <Input value={draft.subtitle} maxLength={limits.subtitle} showCount placeholder="一句话卖点（选填）" onChange={(e) => change({ subtitle: e.target.value }, 'subtitle')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={11}>
            <Form.Item
              label="商品图片"
              required
              className="product-form__images"
              extra={canWrite ? `第一张为封面，最多 ${limits.images} 张；PNG / JPEG / WebP，单张不超过 2 MB` : undefined}
              {...status('images')}
            >
              <ImageUploader
                images={draft.images}
                disabled={!editable}
                onChange={(update) => {
                  setDraft((d) => ({ ...d, images: update(d.images) }));
                  clear(['images']);
                }}
                onError={(text) => setErrors((all) => (text ? { ...all, images: text } : all))}
              />
            </Form.Item>
          </Col>
          <Col span={13}>
            <Form.Item label="商品详情" className="product-form__detail" {...status('detail')}>
              <Input.TextArea
                value={draft.detail}
                maxLength={limits.detail}
                showCount
                autoSize={{ minRows: 4, maxRows: 8 }}
                placeholder="产地、规格、用法、售后说明等"
                onChange={(e) => change({ detail: e.target.value }, 'detail')}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left" orientationMargin={0}>
          规格与 SKU
        </Divider>
        <Form.Item
          label="规格"
          className="product-form__specs"
          {...status('specs')}
          extra={
            !canWrite
              ? undefined
              : saved
                ? '已有 SKU 的规格名和规格值不能删改，可以追加新的规格值：新组合会新增 SKU。'
                : `最多 ${limits.specs} 个规格；不填规格则只有一个 SKU。每个组合一行 SKU。`
          }
        >
          <SpecEditor specs={draft.specs} saved={saved?.specs ?? null} disabled={!editable} errors={errors} onChange={changeSpecs} />
        </Form.Item>
        <SkuGridTable specs={draft.specs} rows={draft.skus} errors={errors} editable={editable} onRows={changeRows} onAdjustStock={saved && canWrite ? openStock : null} />

        <Divider orientation="left" orientationMargin={0}>
          销售状态
        </Divider>
        <Form.Item className="product-form__shelf" extra={canWrite ? '上架后买家立即可以浏览和购买；下架后已下单的订单不受影响。' : undefined}>
          <Space>
            <Switch checked={draft.onShelf} onChange={(onShelf) => setDraft((d) => ({ ...d, onShelf }))} />
            <Typography.Text>{draft.onShelf ? '上架销售' : '暂不上架'}</Typography.Text>
          </Space>
        </Form.Item>
      </Form>

      <div className="product-form__footer">
        <Space>
          <Button onClick={onClose}>{canWrite ? '取消' : '关闭'}</Button>
          {canWrite && (
            <Button type="primary" className="product-form__save" loading={saving} onClick={() => void save()}>
              {saved ? '保存修改' : '创建商品'}
            </Button>
          )}
        </Space>
      </div>

      {stockTarget && (
        <StockDialog target={stockTarget} onClose={() => setStockTarget(null)} onAdjusted={adjusted} reread={() => rereadStock(stockTarget.skuId)} />
      )}
    </div>
  );
}
