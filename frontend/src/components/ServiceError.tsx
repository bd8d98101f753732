import { Alert, Button } from 'antd';
import { isMissingMethod, type ApiError } from '../api/bridge';
import { vi } from '../locales/vi';

/** A failed fetch: its message and a retry button. A service that this build does not
 * have yet (not_found, NOT_BOUND) is said plainly. */
export function ServiceError({ error, onRetry, testId }: { error: ApiError; onRetry?: () => void; testId?: string }) {
  const missing = isMissingMethod(error);
  return (
    <Alert
      type={missing ? 'info' : 'error'}
      showIcon
      message={missing ? vi.common.unavailable : vi.common.errorTitle}
      description={missing ? undefined : error.message}
      data-testid={testId}
      action={
        onRetry && !missing ? (
          <Button size="small" onClick={onRetry}>
            {vi.common.retry}
          </Button>
        ) : undefined
      }
    />
  );
}
