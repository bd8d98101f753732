import { AppLayout } from './components/AppLayout';
import { LedgerPage } from './pages/LedgerPage';
import { useNavigationStore } from './stores/navigation';

export function App() {
  const area = useNavigationStore((s) => s.area);
  return <AppLayout>{area === 'ledger' ? <LedgerPage /> : null}</AppLayout>;
}
