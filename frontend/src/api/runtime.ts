// Events from the Go side, inside the desktop window only (Wails injects
// window.runtime). In a plain browser (socai serve) there are none: the forms
// refresh what they changed themselves.

type Unsubscribe = () => void;

declare global {
  interface Window {
    runtime?: { EventsOn?: (name: string, cb: (...data: unknown[]) => void) => Unsubscribe };
  }
}

/** Calls cb (at most once per burst) when events were appended to the ledger. */
export function onLedgerChanged(cb: () => void, quietMs = 250): Unsubscribe {
  const on = typeof window !== 'undefined' ? window.runtime?.EventsOn : undefined;
  if (!on) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = on('ledger:changed', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(cb, quietMs);
  });
  return () => {
    if (timer) clearTimeout(timer);
    off();
  };
}
