import { Space, Tabs } from 'antd';
import { CloseTab } from '../audit/CloseTab';
import { DigestTab } from '../audit/DigestTab';
import { HistoryTab } from '../audit/HistoryTab';
import { InspectionTab } from '../audit/InspectionTab';
import { LogTab } from '../audit/LogTab';
import { PageHeader } from '../components/PageHeader';
import { vi } from '../locales/vi';
import { useAuditStore, type AuditTab } from '../stores/audit';

/** "Kiểm tra – Kiểm toán": what inspectors ask of a ledger, one tab a question. */
export function AuditPage() {
  const tab = useAuditStore((s) => s.tab);
  const setTab = useAuditStore((s) => s.setTab);
  const items: { key: AuditTab; label: string; children: JSX.Element }[] = [
    { key: 'log', label: vi.audit.tabs.log, children: <LogTab /> },
    { key: 'history', label: vi.audit.tabs.history, children: <HistoryTab /> },
    { key: 'close', label: vi.audit.tabs.close, children: <CloseTab /> },
    { key: 'digest', label: vi.audit.tabs.digest, children: <DigestTab /> },
    { key: 'inspection', label: vi.audit.tabs.inspection, children: <InspectionTab /> },
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="audit-page">
      <PageHeader title={vi.audit.pageTitle} intro={vi.audit.pageIntro} filters={false} />
      <Tabs activeKey={tab} onChange={(k) => setTab(k as AuditTab)} items={items} destroyInactiveTabPane />
    </Space>
  );
}
