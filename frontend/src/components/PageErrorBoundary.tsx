import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result, Typography } from 'antd';
import { vi } from '../locales/vi';

const t = vi.crash;

interface State {
  error: Error | null;
}

/** Catches a page that fails to render, so that the menu and the other pages stay usable
 * (without it React unmounts the whole window, leaving it blank). The error is still
 * reported as uncaught, for the console and the end-to-end tests. Around a page, give it
 * key={area}: another area starts afresh; around the whole app it is the last resort. */
interface Props {
  children: ReactNode;
  /** Around the whole app: no menu to turn to. */
  wholeWindow?: boolean;
}

export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('socai: a page failed to render', info.componentStack);
    window.reportError?.(error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div data-testid="page-crash">
        <Result
          status="error"
          title={this.props.wholeWindow ? t.windowTitle : t.title}
          subTitle={this.props.wholeWindow ? t.windowIntro : t.intro}
          extra={[
            <Button key="retry" type="primary" onClick={() => this.setState({ error: null })} data-testid="page-crash-retry">
              {t.retry}
            </Button>,
            <Button key="reload" onClick={() => window.location.reload()} data-testid="page-crash-reload">
              {t.reload}
            </Button>,
          ]}
        >
          <Typography.Paragraph type="secondary">{t.details}</Typography.Paragraph>
          <Typography.Paragraph className="mono" copyable data-testid="page-crash-message">
            {error.message}
          </Typography.Paragraph>
        </Result>
      </div>
    );
  }
}
