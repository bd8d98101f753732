import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Divider, Form, InputNumber, Progress, Space, Typography } from 'antd';
import { errorMessage, isDesktop } from '../api/bridge';
import {
  BundleService,
  fileBase64,
  onBundleProgress,
  type BundleExport,
  type ImportStatus,
  type ImportSummary,
} from '../api/exchange_bundle';
import { downloadBase64 } from '../api/exchange_export';
import { WriteButton } from '../components/WriteGuard';
import { vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import { formatInt } from '../utils/format';

const t = vi.exchange.bundle;
const POLL_MS = 250;

/** Gói dữ liệu: export this installation's own events after a position, and
 * import another's bundle in the background with a progress bar, a cancel
 * button and a summary of what came in, from whom, or why nothing did. */
export function BundleSection() {
  return (
    <Card title={t.title} data-testid="exchange-bundle">
      <ExportPart />
      <Divider />
      <ImportPart />
    </Card>
  );
}

function ExportPart() {
  const { message } = AntApp.useApp();
  const [since, setSince] = useState(0);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<BundleExport | null>(null);

  const exportBundle = async () => {
    setBusy(true);
    try {
      if (isDesktop()) {
        const x = await BundleService.SaveBundle(since);
        if (x.path) setLast(x);
      } else {
        const x = await BundleService.BundleContent(since);
        downloadBase64(x.name, 'application/vnd.sqlite3', x.content ?? '');
        setLast(x);
      }
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={5}>{t.exportTitle}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.exportHint}</Typography.Paragraph>
      <Form layout="inline">
        <Form.Item label={t.since}>
          <InputNumber min={0} precision={0} value={since} onChange={(v) => setSince(v ?? 0)} data-testid="bundle-since" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" loading={busy} onClick={() => void exportBundle()} data-testid="bundle-export">
            {t.export}
          </Button>
        </Form.Item>
      </Form>
      {last && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="bundle-exported"
          message={
            last.path
              ? t.saved(formatInt(last.events), last.path, last.cursor)
              : t.exported(formatInt(last.events), last.name, last.cursor)
          }
        />
      )}
    </>
  );
}

function ImportPart() {
  const { message } = AntApp.useApp();
  const changed = useFiltersStore((s) => s.changed);
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [starting, setStarting] = useState(false);
  // imports started from this section: lets a reader tell this result from the last one
  const [runs, setRuns] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const polling = useRef(false);
  const mounted = useRef(true);

  /** Follows the background import until it ends, then refreshes the pages. */
  const follow = useCallback(async () => {
    if (polling.current) return;
    polling.current = true;
    try {
      for (;;) {
        const s = await BundleService.ImportStatus();
        if (!mounted.current) return;
        setStatus(s);
        if (!s.running) {
          if ((s.summary?.imported ?? 0) > 0) changed();
          return;
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      polling.current = false;
    }
  }, [changed, message]);

  useEffect(() => {
    mounted.current = true;
    void BundleService.ImportStatus()
      .then((s) => {
        if (!mounted.current || s.progress.phase === '' || !s.progress.phase) return;
        setStatus(s);
        if (s.running) void follow();
      })
      .catch(() => {});
    const off = onBundleProgress((p) =>
      setStatus((s) => (s && s.running ? { ...s, progress: p } : s)),
    );
    return () => {
      mounted.current = false;
      off();
    };
  }, [follow]);

  const started = (s: ImportStatus) => {
    setRuns((n) => n + 1);
    setStatus(s);
    if (s.running || s.summary) void follow();
  };

  const choose = async () => {
    if (!isDesktop()) {
      input.current?.click();
      return;
    }
    setStarting(true);
    try {
      const s = await BundleService.ChooseAndImport();
      if (s.running) started(s);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setStarting(false);
    }
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setStarting(true);
    setStatus(null);
    try {
      started(await BundleService.UploadAndImport(file.name, await fileBase64(file)));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setStarting(false);
      if (input.current) input.current.value = '';
    }
  };

  const cancel = async () => {
    try {
      setStatus(await BundleService.CancelImport());
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const running = status?.running ?? false;
  return (
    <>
      <Typography.Title level={5}>{t.importTitle}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.importHint}</Typography.Paragraph>
      <Space wrap>
        <WriteButton type="primary" loading={starting} disabled={running} onClick={() => void choose()} data-testid="bundle-choose">
          {t.choose}
        </WriteButton>
        {running && (
          <Button danger onClick={() => void cancel()} data-testid="bundle-cancel">
            {t.cancel}
          </Button>
        )}
      </Space>
      <input
        ref={input}
        type="file"
        accept=".socai"
        style={{ display: 'none' }}
        data-testid="bundle-file"
        onChange={(e) => void upload(e.target.files?.[0])}
      />
      {status && <ImportState status={status} runs={runs} />}
    </>
  );
}

function ImportState({ status, runs }: { status: ImportStatus; runs: number }) {
  const { phase, done, total } = status.progress;
  const percent = phase === 'done' ? 100 : total > 0 ? Math.floor((done * 100) / total) : 0;
  const progressStatus =
    phase === 'done' ? 'success' : phase === 'refused' || phase === 'cancelled' ? 'exception' : 'active';
  return (
    <div style={{ marginTop: 16 }} data-testid="bundle-status" data-phase={phase} data-run={runs}>
      <Typography.Text data-testid="bundle-phase">{t.phase[phase] ?? phase}</Typography.Text>
      {total > 0 && (
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          {t.progress(formatInt(done), formatInt(total))}
        </Typography.Text>
      )}
      <Progress percent={percent} status={progressStatus} data-testid="bundle-progress" />
      {!status.running && status.summary && <Summary sum={status.summary} phase={phase} />}
    </div>
  );
}

function Summary({ sum, phase }: { sum: ImportSummary; phase: string }) {
  if (phase === 'cancelled') {
    return <Alert type="warning" showIcon message={t.cancelled} data-testid="bundle-cancelled" />;
  }
  const who = (
    <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }} data-testid="bundle-from">
      <Descriptions.Item label={t.file}>{sum.file}</Descriptions.Item>
      {sum.school_id ? (
        <Descriptions.Item label={t.fromSchool}>
          {sum.school_name ? `${sum.school_name} (${sum.school_id})` : sum.school_id}
        </Descriptions.Item>
      ) : null}
      {sum.signer ? (
        <Descriptions.Item label={t.origin}>
          <Typography.Text code>{sum.signer}</Typography.Text>
        </Descriptions.Item>
      ) : null}
      {sum.fingerprint ? (
        <Descriptions.Item label={t.fingerprint}>
          <Typography.Text code>{sum.fingerprint}</Typography.Text>
        </Descriptions.Item>
      ) : null}
      {sum.cluster_id ? <Descriptions.Item label={t.cluster}>{sum.cluster_id}</Descriptions.Item> : null}
      {!sum.refused ? <Descriptions.Item label={t.imported}>{formatInt(sum.imported)}</Descriptions.Item> : null}
      {!sum.refused ? <Descriptions.Item label={t.skipped}>{formatInt(sum.skipped)}</Descriptions.Item> : null}
      {sum.file_sha256 ? (
        <Descriptions.Item label={t.sha256}>
          <Typography.Text code style={{ fontSize: 12 }}>
            {sum.file_sha256}
          </Typography.Text>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
  if (sum.refused) {
    return (
      <>
        <Alert
          type="error"
          showIcon
          data-testid="bundle-refused"
          data-code={sum.code}
          message={t.refusedTitle(sum.file)}
          description={
            <>
              <div>{sum.reason}</div>
              {sum.code && <Typography.Text type="secondary">{t.refusedCode(sum.code)}</Typography.Text>}
            </>
          }
        />
        {who}
      </>
    );
  }
  return (
    <>
      <Alert
        type={sum.imported > 0 ? 'success' : 'info'}
        showIcon
        data-testid="bundle-done"
        message={t.doneTitle(formatInt(sum.imported), formatInt(sum.events))}
        description={sum.imported === 0 ? t.nothingNew : undefined}
      />
      {who}
    </>
  );
}
