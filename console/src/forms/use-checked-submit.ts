import { useState } from 'react';
import type { FormInstance } from 'antd';
import { placeError, type Checked } from './field-error';

/**
 * A console form's submit: the rules first (each error next to its field, nothing sent), then the
 * BFF; a refusal goes next to the field it names, else above the form, and the form keeps what was
 * typed. `send` resolves once the BFF answered with the saved record.
 */
export function useCheckedSubmit<Input, Body, F extends keyof Input & string>(
  // Untyped: antd cannot relate a generic field name to its NamePath type; `F` keeps the names right.
  form: FormInstance,
  options: {
    fields: readonly F[];
    check: (input: Input) => Checked<Body, F>;
    send: (body: Body) => Promise<void>;
    /** error codes that belong next to a field, e.g. USERNAME_TAKEN → username */
    codeFields?: Partial<Record<string, F>>;
  },
) {
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(input: Input) {
    setFormError(null);
    const checked = options.check(input);
    if (!checked.ok) {
      form.setFields(options.fields.map((name) => ({ name, errors: checked.errors[name] ? [checked.errors[name]] : [] })));
      return;
    }
    setSubmitting(true);
    try {
      await options.send(checked.body);
    } catch (error) {
      const placed = placeError(error, options.fields, options.codeFields);
      if (placed.field) form.setFields([{ name: placed.field, errors: [placed.text] }]);
      else setFormError(placed.text);
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, submitting, formError };
}
