import { App, Descriptions, Divider, Form, Input, InputNumber, Modal, Radio } from 'antd';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { toApiError } from '../api/bridge';
import { HistoryService, type HistoryEvent } from '../api/history';
import { vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import { formatDate, formatDateTime, formatInt } from '../utils/format';
import { correctionFields, replacementOf, type CorrectionField } from '../utils/correction';
import { samePath, type NamePath } from '../utils/fields';
import { eventTypeLabel, fieldLabel } from '../utils/history';
import { RefusalAlert } from './CommandModal';
import { DateField, isoDate, toDayjs } from './DateField';

const t = vi.audit.history.correction;

type Mode = 'correct' | 'cancel';

interface Values {
  mode: Mode;
  reason: string;
  source?: string;
  occurred_on?: Dayjs;
  data?: Record<string, unknown>;
}

/** "Sửa / hủy bản ghi": withdraws an event (EventRetracted) and, to correct it,
 * records the right one of the same type — its fields start as the event's.
 * The reason is required; a refusal is shown at its field. */
export function CorrectionModal({
  event,
  onClose,
}: {
  /** The event to correct; null: closed. */
  event: HistoryEvent | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const { message } = App.useApp();
  const changed = useFiltersStore((s) => s.changed);
  const fields: CorrectionField[] = event ? correctionFields(event) : [];
  const mode = Form.useWatch('mode', form) as Mode | undefined;

  useEffect(() => {
    if (event) {
      setAlert(null);
      form.resetFields();
    }
  }, [event, form]);

  if (!event) return null;

  const initial: Values = {
    mode: fields.length > 0 ? 'correct' : 'cancel',
    reason: '',
    occurred_on: toDayjs(event.occurred_on),
    data: Object.fromEntries(fields.map((f) => [f.name, f.kind === 'date' ? toDayjs(f.value as string) : f.initial])),
  };

  const onOk = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    let replacement: Record<string, unknown> | null = null;
    if (values.mode === 'correct') {
      const built = replacementOf(fields, values.data ?? {});
      if (!built.ok) {
        form.setFields(built.errors.map((e) => ({ name: ['data', e.field] as never, errors: [e.message] })));
        return;
      }
      replacement = built.value;
    }
    setSubmitting(true);
    setAlert(null);
    try {
      const res = await HistoryService.Correct({
        event_id: event.id,
        reason: values.reason.trim(),
        source: (values.source ?? '').trim(),
        replacement,
        occurred_on: values.mode === 'correct' ? isoDate(values.occurred_on) : '',
      });
      message.success(
        res.replacement
          ? t.savedWithReplacement(formatInt(res.retraction.seq), formatInt(res.replacement.seq))
          : t.saved(formatInt(res.retraction.seq)),
      );
      changed();
      onClose();
    } catch (err) {
      const e = toApiError(err);
      const path = fieldPath(e.field, fields);
      const shown = form.getFieldsError().some((f) => path && samePath(f.name as NamePath, path));
      if (path && shown) form.setFields([{ name: path as never, errors: [e.message] }]);
      else setAlert(e.message);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={t.title(eventTypeLabel(event.type))}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t.ok}
      cancelText={vi.forms.cancel}
      confirmLoading={submitting}
      destroyOnHidden
      maskClosable={false}
      width={680}
      okButtonProps={{ 'data-testid': 'correction-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'correction-cancel' } as ButtonProps}
    >
      <div data-testid="correction-form">
        <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={vi.audit.history.colSeq}>{formatInt(event.seq)}</Descriptions.Item>
          <Descriptions.Item label={vi.audit.log.colStream}>
            <span className="mono">{event.stream}</span>
          </Descriptions.Item>
          <Descriptions.Item label={vi.audit.history.colOccurredOn}>{formatDate(event.occurred_on)}</Descriptions.Item>
          <Descriptions.Item label={vi.audit.history.colRecordedAt}>{formatDateTime(event.recorded_at)}</Descriptions.Item>
          <Descriptions.Item label={vi.audit.history.colActor} span={2}>
            {event.actor}
          </Descriptions.Item>
        </Descriptions>
        <RefusalAlert text={alert} testId="correction-alert" />
        <Form<Values>
          form={form}
          name="correction"
          layout="vertical"
          initialValues={initial}
          requiredMark
          onValuesChange={() => alert && setAlert(null)}
        >
          <Form.Item name="mode" label={t.mode}>
            <Radio.Group>
              <Radio value="correct" disabled={fields.length === 0} data-testid="correction-mode-correct">
                {t.modeCorrect}
              </Radio>
              <Radio value="cancel" data-testid="correction-mode-cancel">
                {t.modeCancel}
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="reason" label={t.reason} rules={[{ required: true, whitespace: true, message: vi.forms.required }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t.reasonHint} />
          </Form.Item>
          <Form.Item name="source" label={t.source}>
            <Input placeholder={t.sourceHint} />
          </Form.Item>
          {mode === 'correct' ? (
            <>
              <Divider orientation="left" plain style={{ marginTop: 4 }}>
                {t.dataDivider}
              </Divider>
              <Form.Item name="occurred_on" label={t.occurredOn} rules={[{ required: true, message: vi.forms.required }]}>
                <DateField />
              </Form.Item>
              {fields.map((f) => (
                <Form.Item
                  key={f.name}
                  name={['data', f.name]}
                  label={fieldLabel(event.type, f.name)}
                  tooltip={f.kind === 'json' ? t.jsonHint : undefined}
                >
                  {f.kind === 'number' ? (
                    <InputNumber style={{ width: '100%' }} disabled={f.fixed} />
                  ) : f.kind === 'date' ? (
                    <DateField disabled={f.fixed} />
                  ) : f.kind === 'json' ? (
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} className="mono" disabled={f.fixed} />
                  ) : (
                    <Input disabled={f.fixed} />
                  )}
                </Form.Item>
              ))}
            </>
          ) : null}
        </Form>
      </div>
    </Modal>
  );
}

/** Where a refusal of HistoryService.Correct belongs in the form. */
function fieldPath(field: string | undefined, fields: CorrectionField[]): NamePath | null {
  if (field === 'reason' || field === 'occurred_on') return [field];
  const m = /^data\.([^.[\]]+)/.exec(field ?? '');
  // a fixed field cannot be mended: its refusal is said above the form
  if (m?.[1] && fields.some((f) => f.name === m[1] && !f.fixed)) return ['data', m[1]];
  return null;
}
