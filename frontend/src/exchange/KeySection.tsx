import { useState } from 'react';
import { App as AntApp, AutoComplete, Button, Card, Col, Descriptions, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/bridge';
import { fingerprintGroups, KeyService, type KeyInfo, type RegisteredKey } from '../api/exchange_bundle';
import { CommandModal, required } from '../components/CommandModal';
import { ServiceError } from '../components/ServiceError';
import { WriteButton } from '../components/WriteGuard';
import { useServiceData } from '../hooks/useServiceData';
import { vi } from '../locales/vi';
import { useOrganisationStore } from '../stores/organisation';
import { formatDateTime } from '../utils/format';

const t = vi.exchange.keys;

// Refusals of KeyService name the input without the "data." prefix.
const KEY_FIELDS = { fingerprint: 'fingerprint', public_key: 'public_key', origin: 'origin', school_id: 'school_id' };

/** Khóa ký: this installation's key to read out by phone, its registration
 * for its school, the keys registered here, and the form that adds a
 * school's key after its fingerprint was compared. */
export function KeySection() {
  const me = useServiceData(() => KeyService.Mine(), []);
  const list = useServiceData(() => KeyService.Registered(), []);
  const [registering, setRegistering] = useState(false);
  const [adding, setAdding] = useState(false);

  return (
    <Card
      title={t.title}
      data-testid="exchange-keys"
      extra={
        <WriteButton icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="key-add">
          {t.addTitle}
        </WriteButton>
      }
    >
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={12}>
          {me.error ? (
            <ServiceError error={me.error} onRetry={me.reload} />
          ) : (
            me.data && <OwnKey info={me.data} onRegister={() => setRegistering(true)} />
          )}
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Title level={5}>{t.listTitle}</Typography.Title>
          {list.error ? (
            <ServiceError error={list.error} onRetry={list.reload} />
          ) : (
            <KeyTable keys={list.data ?? []} loading={list.loading} here={me.data?.origin ?? ''} />
          )}
        </Col>
      </Row>
      <CommandModal<{ school_id: string }>
        open={registering}
        title={t.register}
        name="keyregister"
        onClose={() => setRegistering(false)}
        fieldMap={KEY_FIELDS}
        submit={(v, note) => KeyService.RegisterMine(v.school_id.trim(), note)}
      >
        <Form.Item name="school_id" label={t.registerSchool} rules={required}>
          <SchoolInput />
        </Form.Item>
      </CommandModal>
      <CommandModal<{ school_id: string; origin: string; public_key: string; fingerprint: string }>
        open={adding}
        title={t.addTitle}
        name="keyadd"
        onClose={() => setAdding(false)}
        fieldMap={KEY_FIELDS}
        okText={t.add}
        submit={(v, note) => KeyService.AddSchoolKey({ ...v, ...note })}
      >
        <Typography.Paragraph type="secondary">{t.addHint}</Typography.Paragraph>
        <Form.Item name="school_id" label={t.school} rules={required}>
          <SchoolInput />
        </Form.Item>
        <Form.Item name="origin" label={t.addOrigin} rules={required}>
          <Input style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="public_key" label={t.addPublicKey} rules={required}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="fingerprint" label={t.addFingerprint} rules={required}>
          <Input placeholder={t.fingerprintPlaceholder} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </CommandModal>
    </Card>
  );
}

/** A school code: one of the ledger's schools, or typed (a school registers
 * the lead's key before the cluster's records reach it). */
function SchoolInput(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const schools = useOrganisationStore((s) => s.schools);
  return (
    <AutoComplete
      {...props}
      placeholder={t.schoolPlaceholder}
      filterOption={(input, o) => String(o?.label ?? '').toLowerCase().includes(input.toLowerCase())}
      options={schools.map((s) => ({ value: s.school_id, label: `${s.name} (${s.school_id})` }))}
    />
  );
}

function OwnKey({ info, onRegister }: { info: KeyInfo; onRegister: () => void }) {
  const { message } = AntApp.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(info.public_key);
      message.success(t.copied);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">{t.fingerprint}</Typography.Text>
        <div data-testid="key-fingerprint" aria-label={info.fingerprint} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 4 }}>
          {fingerprintGroups(info.fingerprint).map((g, i) => (
            <span
              key={i}
              style={{ fontFamily: 'monospace', fontSize: 24, fontWeight: 600, letterSpacing: 1, padding: '2px 6px', background: '#f5f5f5', borderRadius: 4 }}
            >
              {g}
            </span>
          ))}
        </div>
      </div>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t.origin}>
          <Typography.Text code data-testid="key-origin">
            {info.origin}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t.publicKey}>
          <Space>
            <Typography.Text code data-testid="key-public" style={{ wordBreak: 'break-all' }}>
              {info.public_key}
            </Typography.Text>
            <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()} data-testid="key-copy">
              {t.copy}
            </Button>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {info.school_id ? (
        <Tag color="success" data-testid="key-registered">
          {t.registeredFor(info.school_id)}
        </Tag>
      ) : (
        <Space wrap>
          <Typography.Text type="secondary">{t.notRegistered}</Typography.Text>
          <WriteButton type="primary" onClick={onRegister} data-testid="key-register">
            {t.register}
          </WriteButton>
        </Space>
      )}
    </Space>
  );
}

function KeyTable({ keys, loading, here }: { keys: RegisteredKey[]; loading: boolean; here: string }) {
  const columns: TableColumnsType<RegisteredKey> = [
    { title: t.colSchool, dataIndex: 'school_id', key: 'school', width: 110 },
    {
      title: t.colFingerprint,
      dataIndex: 'fingerprint',
      key: 'fp',
      render: (fp: string, k) => (
        <div>
          <Typography.Text code>{fp}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.colOrigin}: {k.origin}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t.colTrusted,
      dataIndex: 'trusted',
      key: 'trusted',
      width: 170,
      render: (ok: boolean, k) => (
        <div>
          <Tag color={ok ? 'success' : 'default'}>{ok ? t.trusted : t.notTrusted}</Tag>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {k.by === here ? t.byHere : t.byOther} · {formatDateTime(k.recorded_at)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
  ];
  return (
    <Table<RegisteredKey>
      size="small"
      rowKey={(k) => `${k.origin}/${k.by}`}
      columns={columns}
      dataSource={keys}
      loading={loading}
      pagination={false}
      data-testid="key-list"
    />
  );
}
