import { Alert, Button, Card, Empty, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { vi } from '../locales/vi';
import { useWritable } from '../stores/asof';
import { useNavigationStore } from '../stores/navigation';
import { missingSetup, useOrganisationStore } from '../stores/organisation';

const t = vi.setup;

/** On "Tổng quan" while the organisation is not set up: an empty ledger gets the
 * steps and a way to "Tổ chức"; a cluster without schools or class types, a reminder. */
export function SetupGuide() {
  const { clusters, schools, classTypes, loaded } = useOrganisationStore();
  const go = useNavigationStore((s) => s.go);
  const writable = useWritable();
  if (!loaded) return null;
  const missing = missingSetup({ clusters, schools, classTypes });
  if (missing.length === 0) return null;
  // a view of the past is not set up, only looked at: say that it holds nothing yet
  if (!writable) {
    return missing.includes('cluster') ? (
      <Card data-testid="asof-empty">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={vi.asOf.emptyOrganisation} />
      </Card>
    ) : null;
  }
  const button = (text: string, testId: string, type: 'primary' | 'default') => (
    <Button type={type} icon={<ApartmentOutlined />} onClick={() => go('organisation')} data-testid={testId}>
      {text}
    </Button>
  );

  if (missing.includes('cluster')) {
    return (
      <Card data-testid="setup-guide">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <div style={{ maxWidth: 560, margin: '0 auto', textAlign: 'left' }}>
              <Typography.Title level={4} style={{ textAlign: 'center' }}>
                {t.title}
              </Typography.Title>
              <Typography.Paragraph>{t.intro}</Typography.Paragraph>
              <ol style={{ paddingInlineStart: 22 }}>
                {t.steps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
            </div>
          }
        >
          {button(t.start, 'btn-setup', 'primary')}
        </Empty>
      </Card>
    );
  }

  const what = missing.map((m) => (m === 'schools' ? t.missingSchools : t.missingClassTypes)).join(', ');
  return (
    <Alert
      type="warning"
      showIcon
      message={t.incomplete}
      description={t.missing(what)}
      action={button(t.continue, 'btn-setup-continue', 'default')}
      data-testid="setup-incomplete"
    />
  );
}
