// The forms of "Kiểm tra chéo": open an inspection, take the figures from a
// report sent or type them in, record a finding, conclude.

import { Alert, Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { Result } from '../api/types';
import {
  FINDING_STATUSES,
  InspectionService,
  type ComparedFigure,
  type FindingStatus,
  type Inspection,
} from '../api/inspection';
import { CommandModal, required } from '../components/CommandModal';
import { DateField, isoDate } from '../components/DateField';
import { ServiceError } from '../components/ServiceError';
import { CodeSelect, PeriodSelect, useDefaultCluster } from '../components/Selects';
import { useServiceData } from '../hooks/useServiceData';
import { vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import { useOrganisationStore } from '../stores/organisation';
import { formatDate, formatInt } from '../utils/format';
import { periodLabel } from '../utils/period';
import { suggestInspectionId, type FindingPreset } from './inspectionUtils';

const t = vi.audit.inspection;

const trim = (v: string | undefined): string => (v ?? '').trim();
const numOrNull = (v: number | null | undefined): number | null => (typeof v === 'number' ? v : null);

/** A school or a cluster: who can be inspected. */
function PartySelect(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const schools = useOrganisationStore((s) => s.schools);
  const clusters = useOrganisationStore((s) => s.clusters);
  const options = [
    ...clusters.map((c) => ({ value: c.cluster_id, label: c.name || c.cluster_id })),
    ...schools.map((s) => ({ value: s.school_id, label: s.name })),
  ];
  return (
    <Select<string>
      showSearch
      optionFilterProp="label"
      placeholder={vi.forms.selectPlaceholder}
      options={options}
      {...props}
    />
  );
}

interface OpenValues {
  inspection_id?: string;
  inspected: string;
  period: string;
  inspector: string;
  members?: string[];
  on: Dayjs;
}

export function OpenInspectionForm({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (r: Result) => void }) {
  const cluster = useDefaultCluster();
  const period = useFiltersStore((s) => s.period);
  return (
    <CommandModal<OpenValues>
      open={open}
      onClose={onClose}
      onDone={onDone}
      name="openInspection"
      title={t.openTitle}
      occurredOn="on"
      width={700}
      fieldMap={{ 'data.inspection_id': 'inspection_id' }}
      initialValues={{ inspected: cluster, period, on: dayjs(), members: [] } as Partial<OpenValues>}
      submit={(v, note) =>
        InspectionService.Open(
          {
            inspection_id: trim(v.inspection_id) || suggestInspectionId(v.inspected, v.period),
            inspector: trim(v.inspector),
            inspected: v.inspected,
            period: v.period,
            members: (v.members ?? []).map((m) => m.trim()).filter(Boolean),
          },
          isoDate(v.on),
          note,
        )
      }
    >
      <Form.Item name="inspected" label={t.fInspected} rules={required}>
        <PartySelect />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="period" label={t.fPeriod} rules={required}>
            <PeriodSelect />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="on" label={t.fOpenedOn} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="inspection_id" label={t.fId} tooltip={t.fIdHint}>
            <Input placeholder="kt-…" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="inspector" label={t.fInspector} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="members" label={t.fMembers} extra={t.fMembersHint}>
        <Select<string[]> mode="tags" open={false} tokenSeparators={[';']} suffixIcon={null} />
      </Form.Item>
    </CommandModal>
  );
}

interface TakeValues {
  report_id: string;
  on: Dayjs;
}

/** Takes the figures of a report sent by the inspected party for the inspection's period. */
export function TakeFromReportForm({ open, onClose, inspection }: { open: boolean; onClose: () => void; inspection: Inspection }) {
  // the form opens once the reports are there, so that it starts on the latest
  const reports = useServiceData(
    () =>
      open
        ? InspectionService.Reports(inspection.inspected, inspection.period).then((r) => r ?? [])
        : Promise.resolve(null),
    [open, inspection.inspected, inspection.period],
  );
  const list = reports.data ?? [];
  const first = list[0]?.report_id;
  return (
    <CommandModal<TakeValues>
      open={open && (Array.isArray(reports.data) || reports.error !== null)}
      onClose={onClose}
      name="takeFigures"
      title={t.takeTitle}
      occurredOn="on"
      width={640}
      initialValues={{ report_id: first, on: dayjs() } as Partial<TakeValues>}
      submit={(v, note) => InspectionService.TakeFromReport(inspection.inspection_id, v.report_id, isoDate(v.on), note)}
    >
      {reports.error ? <ServiceError error={reports.error} /> : null}
      {reports.data && list.length === 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t.noReports(inspection.inspected_name, periodLabel(inspection.period))}
          data-testid="takeFigures-none"
        />
      ) : null}
      <Form.Item name="report_id" label={t.fReport} rules={required}>
        <Select<string>
          options={list.map((r) => ({
            value: r.report_id,
            label: t.reportOption(r.doc_no || r.report_id, formatDate(r.submitted_on), formatInt(Object.keys(r.figures ?? {}).length)),
          }))}
        />
      </Form.Item>
      <Form.Item name="on" label={t.fOn} rules={required}>
        <DateField />
      </Form.Item>
    </CommandModal>
  );
}

interface FiguresValues {
  rows: { key?: string; value?: number | null }[];
  source?: string;
  on: Dayjs;
}

/** Types in the figures of a paper report, one line per figure, among those the ledger knows. */
export function EnterFiguresForm({
  open,
  onClose,
  inspection,
  figures,
}: {
  open: boolean;
  onClose: () => void;
  inspection: Inspection;
  figures: ComparedFigure[];
}) {
  const options = figures.map((f) => ({
    value: f.key,
    label: f.unit && !f.label.includes(f.unit) ? `${f.label} (${f.unit})` : f.label,
  }));
  const entered = Object.entries(inspection.figures ?? {}).map(([key, value]) => ({ key, value }));
  return (
    <CommandModal<FiguresValues>
      open={open}
      onClose={onClose}
      name="enterFigures"
      title={t.enterTitle}
      occurredOn="on"
      width={820}
      initialValues={
        {
          rows: entered.length > 0 ? entered : [{}],
          source: inspection.report_id ? '' : inspection.figures_source,
          on: dayjs(),
        } as Partial<FiguresValues>
      }
      submit={(v, note) => {
        const out: Record<string, number> = {};
        for (const r of v.rows) {
          if (r.key && typeof r.value === 'number') out[r.key] = r.value;
        }
        return InspectionService.EnterFigures(
          { inspection_id: inspection.inspection_id, report_id: '', source: trim(v.source), figures: out },
          isoDate(v.on),
          note,
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t.enterHint}</Typography.Paragraph>
      <Form.List name="rows">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item
                  name={[field.name, 'key']}
                  rules={[
                    ...required,
                    ({ getFieldValue }) => ({
                      validator: (_, key: string | undefined) => {
                        const rows = (getFieldValue('rows') ?? []) as { key?: string }[];
                        return key && rows.filter((r) => r?.key === key).length > 1
                          ? Promise.reject(new Error(t.duplicateFigure))
                          : Promise.resolve();
                      },
                    }),
                  ]}
                  style={{ width: 560, marginBottom: 8 }}
                >
                  <Select<string> showSearch optionFilterProp="label" placeholder={t.fFigure} options={options} />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} rules={required} style={{ width: 140, marginBottom: 8 }}>
                  <InputNumber min={0} decimalSeparator="," placeholder={t.fValue} style={{ width: '100%' }} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t.removeFigure} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
              {t.addFigure}
            </Button>
          </>
        )}
      </Form.List>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="source" label={t.fSource}>
            <Input placeholder="45-BC/TCT" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="on" label={t.fOn} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
    </CommandModal>
  );
}

interface FindingValues {
  subject: string;
  reported?: number | null;
  verified?: number | null;
  status: FindingStatus;
  /** Not "note": the form's note is the event's reason and source (CommandModal). */
  comment?: string;
  on: Dayjs;
}

/** A finding: from a compared row (its numbers and status to start with), or about any matter. */
export function FindingForm({
  open,
  onClose,
  inspectionId,
  preset,
}: {
  open: boolean;
  onClose: () => void;
  inspectionId: string;
  preset: FindingPreset | undefined;
}) {
  return (
    <CommandModal<FindingValues>
      open={open}
      onClose={onClose}
      name="finding"
      title={t.findingTitle}
      occurredOn="on"
      width={700}
      initialValues={
        {
          subject: preset?.subject,
          reported: preset?.reported ?? null,
          verified: preset?.verified ?? null,
          status: preset?.status,
          on: dayjs(),
        } as Partial<FindingValues>
      }
      submit={(v, note) =>
        InspectionService.RecordFinding(
          {
            inspection_id: inspectionId,
            subject: trim(v.subject),
            reported: numOrNull(v.reported),
            verified: numOrNull(v.verified),
            status: v.status,
            note: trim(v.comment),
          },
          isoDate(v.on),
          note,
        )
      }
    >
      <Form.Item name="subject" label={t.fSubject} rules={required} hidden={preset !== undefined}>
        <Input />
      </Form.Item>
      {preset ? (
        <Form.Item label={t.fSubject}>
          <Typography.Text strong data-testid="finding-subject">
            {preset.label}
          </Typography.Text>
        </Form.Item>
      ) : null}
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="reported" label={t.fReported}>
            <InputNumber decimalSeparator="," style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="verified" label={t.fVerified}>
            <InputNumber decimalSeparator="," style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="status" label={t.fStatus} rules={required}>
            <CodeSelect codes={FINDING_STATUSES} labels={t.findingStatuses} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="comment" label={t.fNote}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="on" label={t.fOn} rules={required}>
        <DateField />
      </Form.Item>
    </CommandModal>
  );
}

interface CloseValues {
  conclusion: string;
  on: Dayjs;
}

export function CloseInspectionForm({ open, onClose, inspectionId }: { open: boolean; onClose: () => void; inspectionId: string }) {
  return (
    <CommandModal<CloseValues>
      open={open}
      onClose={onClose}
      name="closeInspection"
      title={t.closeTitle}
      occurredOn="on"
      width={700}
      initialValues={{ on: dayjs() } as Partial<CloseValues>}
      submit={(v, note) =>
        InspectionService.Close({ inspection_id: inspectionId, conclusion: trim(v.conclusion), heads: null }, isoDate(v.on), note)
      }
    >
      <Alert type="info" showIcon message={t.closeHint} style={{ marginBottom: 16 }} />
      <Form.Item name="conclusion" label={t.fConclusion} rules={required}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="on" label={t.fClosedOn} rules={required}>
        <DateField />
      </Form.Item>
    </CommandModal>
  );
}
