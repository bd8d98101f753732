import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Divider, Form, Input, Modal } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import { toApiError } from '../api/bridge';
import type { Note, Result } from '../api/types';
import { vi } from '../locales/vi';
import { useAsOfStore } from '../stores/asof';
import { useFiltersStore } from '../stores/filters';
import { asOfLabel } from '../utils/asof';
import { fieldToNamePath, samePath, type NamePath } from '../utils/fields';
import { formatInt } from '../utils/format';

// Every form values object carries the Note under "note".
export interface NoteValues {
  note?: { reason?: string; source?: string };
}

export interface CommandModalProps<V extends object> {
  open: boolean;
  title: string;
  /** Form name: items get the ids `${name}_${field}`; also the test id of the form. */
  name: string;
  onClose: () => void;
  /** Sends the command; values are the form's, the note is trimmed. */
  submit: (values: V, note: Note) => Promise<Result>;
  onDone?: (result: Result) => void;
  initialValues?: Partial<V> | undefined;
  /** The item holding the event's business date, for a refusal of occurred_on. */
  occurredOn?: NamePath | string;
  /** Service fields shown at another item, e.g. { "data.class_id": "name" }. */
  fieldMap?: Record<string, NamePath | string>;
  okText?: string;
  width?: number;
  children: ReactNode | ((form: FormInstance<V & NoteValues>) => ReactNode);
}

/** A form that records one event: its fields, then "Lý do" and "Căn cứ (văn bản)".
 * A refusal is shown at the field it concerns, or above the form when no item
 * matches; a recorded command closes the form and refreshes every figure. */
export function CommandModal<V extends object>(props: CommandModalProps<V>) {
  const { open, title, name, onClose, submit, onDone, initialValues, occurredOn, fieldMap } = props;
  const [form] = Form.useForm<V & NoteValues>();
  const [submitting, setSubmitting] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const { message } = App.useApp();
  const changed = useFiltersStore((s) => s.changed);
  // a historical view records nothing: the form may be read, not sent
  const asOf = useAsOfStore((s) => s.asOf);

  // Each opening starts from this opening's initial values: the form instance
  // outlives the modal's content and would otherwise keep the last values.
  useEffect(() => {
    if (open) {
      setAlert(null);
      form.resetFields();
    }
  }, [open, form]);

  const onOk = async () => {
    let values: V & NoteValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    setAlert(null);
    try {
      const note: Note = {
        reason: (values.note?.reason ?? '').trim(),
        source: (values.note?.source ?? '').trim(),
      };
      const result = await submit(values, note);
      message.success(vi.forms.saved(formatInt(result.seq)));
      changed();
      onDone?.(result);
      onClose();
    } catch (err) {
      const e = toApiError(err);
      // the window was switched to the past elsewhere (another tab of socai serve)
      if (e.code === 'read_only') void useAsOfStore.getState().sync();
      const text = e.message;
      const path = fieldToNamePath(e.field, { occurredOn, extra: fieldMap });
      const known = form.getFieldsError().map((f) => f.name as NamePath);
      if (path && known.some((n) => samePath(n, path))) {
        form.setFields([{ name: path as never, errors: [text] }]);
        form.scrollToField(path as never);
      } else {
        setAlert(text);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={props.okText ?? vi.forms.ok}
      cancelText={vi.forms.cancel}
      confirmLoading={submitting}
      destroyOnHidden
      maskClosable={false}
      width={props.width ?? 640}
      okButtonProps={{ 'data-testid': `${name}-submit`, disabled: asOf !== null } as ButtonProps}
      cancelButtonProps={{ 'data-testid': `${name}-cancel` } as ButtonProps}
    >
      <div data-testid={`${name}-form`}>
        {asOf !== null ? (
          <Alert
            type="warning"
            showIcon
            message={vi.asOf.formReadOnly(asOfLabel(asOf))}
            style={{ marginBottom: 16 }}
            data-testid={`${name}-read-only`}
          />
        ) : null}
        <RefusalAlert text={alert} testId={`${name}-alert`} />
        <Form<V & NoteValues>
          form={form}
          name={name}
          layout="vertical"
          preserve={false}
          initialValues={initialValues as never}
          requiredMark
          onValuesChange={() => alert && setAlert(null)}
        >
          {typeof props.children === 'function' ? props.children(form) : props.children}
          <Divider orientation="left" plain style={{ marginTop: 4 }}>
            {vi.forms.noteDivider}
          </Divider>
          <Form.Item name={['note', 'reason']} label={vi.forms.reason}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={vi.forms.reasonHint} />
          </Form.Item>
          <Form.Item name={['note', 'source']} label={vi.forms.source} style={{ marginBottom: 0 }}>
            <Input placeholder={vi.forms.sourceHint} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

/** Why the services refused what a form sent, above its fields; nothing while there is no refusal. */
export function RefusalAlert({ text, testId }: { text: string | null; testId: string }) {
  return text ? (
    <Alert
      type="error"
      showIcon
      message={vi.forms.refused}
      description={text}
      style={{ marginBottom: 16 }}
      data-testid={testId}
    />
  ) : null;
}

/** Form rule: the item must be filled in. */
export const required = [{ required: true, message: vi.forms.required }];
