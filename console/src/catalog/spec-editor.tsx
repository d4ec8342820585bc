import { Button, Form, Input, Select, Tag } from 'antd';
import type { SpecDefinition } from '@linli/shared/schemas/catalog';
import { limits, type FormErrors } from './product-form';
import type { SpecDraft } from './sku-grid';

interface Props {
  specs: readonly SpecDraft[];
  /** the saved product's specs: their names and values stay (existing SKUs stand on them), new values may be added */
  saved: readonly SpecDefinition[] | null;
  disabled: boolean;
  errors: FormErrors;
  onChange: (specs: SpecDraft[]) => void;
}

/** Typed values, trimmed and each once; the saved ones first and never dropped. */
function valuesAfterEdit(typed: readonly string[], kept: readonly string[]): string[] {
  const cleaned = typed.map((value) => value.trim()).filter((value) => value !== '');
  return [...new Set([...kept, ...cleaned])];
}

/** 规格: up to three specs, each a name and its values typed as tags (颜色: 红 / 蓝). */
export function SpecEditor({ specs, saved, disabled, errors, onChange }: Props) {
  const replace = (index: number, spec: SpecDraft) => onChange(specs.map((s, i) => (i === index ? spec : s)));
  const fixedShape = saved !== null;

  return (
    <div className="spec-editor">
      {specs.map((spec, i) => {
        const kept = saved?.[i]?.values ?? [];
        return (
          <div className="spec-editor__row" key={i} data-spec-index={i}>
            <Form.Item
              className="spec-editor__name"
              validateStatus={errors[`specs.${i}.name`] ? 'error' : undefined}
              help={errors[`specs.${i}.name`]}
              style={{ width: 180 }}
            >
              {fixedShape ? (
                <div className="spec-editor__fixed-name">{spec.name}</div>
              ) : (
                <Input
                  placeholder="规格名，如 颜色"
                  maxLength={limits.specName}
                  value={spec.name}
                  disabled={disabled}
                  onChange={(event) => replace(i, { ...spec, name: event.target.value })}
                />
              )}
            </Form.Item>
            <Form.Item
              className="spec-editor__values"
              validateStatus={errors[`specs.${i}.values`] ? 'error' : undefined}
              help={errors[`specs.${i}.values`]}
              style={{ flex: 1 }}
            >
              <Select<string[]>
                mode="tags"
                open={false}
                suffixIcon={null}
                tokenSeparators={[',', '，', '、']}
                placeholder="输入规格值后按回车，如 红、蓝"
                value={spec.values}
                disabled={disabled}
                onChange={(values) => replace(i, { ...spec, values: valuesAfterEdit(values, kept) })}
                tagRender={({ label, value, onClose }) => (
                  <Tag
                    className="spec-editor__value"
                    closable={!disabled && !kept.includes(String(value))}
                    onClose={onClose}
                    onMouseDown={(event) => event.preventDefault()}
                    style={{ marginInlineEnd: 4 }}
                  >
                    {label}
                  </Tag>
                )}
              />
            </Form.Item>
            {!fixedShape && !disabled && (
              <Button className="spec-editor__remove" onClick={() => onChange(specs.filter((_, at) => at !== i))}>
                删除规格
              </Button>
            )}
          </div>
        );
      })}
      {!fixedShape && !disabled && specs.length < limits.specs && (
        <Button type="dashed" className="spec-editor__add" onClick={() => onChange([...specs, { name: '', values: [] }])}>
          + 添加规格
        </Button>
      )}
    </div>
  );
}
