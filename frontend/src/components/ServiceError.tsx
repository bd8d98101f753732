import { Alert, Button } from 'antd';
import { isMissingMethod, type ApiError } from '../api/bridge';
import type { ServiceData } from '../hooks/useServiceData';
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

/** The failure of a page's fetch (useServiceData) with its retry; nothing while there is none. */
export function FetchError({ of, testId }: { of: ServiceData<unknown>; testId?: string }) {
  return of.error ? <ServiceError error={of.error} onRetry={of.reload} testId={testId} /> : null;
}
