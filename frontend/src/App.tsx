import { useEffect, type ReactNode } from 'react';
import { AppLayout } from './components/AppLayout';
import { DemoPrompt } from './components/DemoPrompt';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { AuditPage } from './pages/AuditPage';
import { AwardsPage } from './pages/AwardsPage';
import { ClassPlansPage } from './pages/ClassPlansPage';
import { DeadlinesPage } from './pages/DeadlinesPage';
import { ExchangePage } from './pages/ExchangePage';
import { LedgerPage } from './pages/LedgerPage';
import { OrganisationPage } from './pages/OrganisationPage';
import { OverviewPage } from './pages/OverviewPage';
import { ResearchPage } from './pages/ResearchPage';
import { StaffTrainingPage } from './pages/StaffTrainingPage';
import { useFiltersStore } from './stores/filters';
import { useNavigationStore, type AreaKey } from './stores/navigation';
import { useOrganisationStore } from './stores/organisation';
import { onLedgerChanged } from './api/runtime';
import { LedgerService } from './api/ledger';

const PAGES: Partial<Record<AreaKey, () => ReactNode>> = {
  overview: () => <OverviewPage />,
  classPlans: () => <ClassPlansPage />,
  staffTraining: () => <StaffTrainingPage />,
  research: () => <ResearchPage />,
  awards: () => <AwardsPage />,
  deadlines: () => <DeadlinesPage />,
  inspections: () => <AuditPage />,
  exchange: () => <ExchangePage />,
  organisation: () => <OrganisationPage />,
  ledger: () => <LedgerPage />,
};

export function App() {
  const area = useNavigationStore((s) => s.area);
  const revision = useFiltersStore((s) => s.revision);
  const loadOrganisation = useOrganisationStore((s) => s.load);

  // the schools and class types change with the ledger (demo data, imports)
  useEffect(() => {
    void loadOrganisation();
  }, [loadOrganisation, revision]);

  // a ledger whose facts all lie in earlier periods opens on its latest one
  useEffect(() => {
    LedgerService.Info()
      .then((info) => useFiltersStore.getState().suggestFrom(info.last_occurred_on))
      .catch(() => {
        // the Sổ cái page shows why the ledger cannot be read
      });
  }, []);

  // inside the window, the ledger says when it changed (another form, an import)
  useEffect(() => onLedgerChanged(() => useFiltersStore.getState().changed()), []);

  return (
    <AppLayout>
      <PageErrorBoundary key={area}>{PAGES[area]?.() ?? null}</PageErrorBoundary>
      <DemoPrompt />
    </AppLayout>
  );
}
