// Fetches what a page shows from a service, again whenever its inputs change or a
// command was recorded (the filters store's revision); the latest request wins.

import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/bridge';
import { useFiltersStore } from '../stores/filters';

export interface ServiceData<T> {
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

export function useServiceData<T>(fetcher: () => Promise<T>, deps: readonly unknown[]): ServiceData<T> {
  const revision = useFiltersStore((s) => s.revision);
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const fetchRef = useRef(fetcher);
  fetchRef.current = fetcher;

  useEffect(() => {
    const id = ++latest.current;
    setLoading(true);
    fetchRef
      .current()
      .then((v) => {
        if (id !== latest.current) return;
        setData(v);
        setError(null);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (id !== latest.current) return;
        setError(toApiError(err));
        setLoading(false);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, revision, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, error, reload };
}
