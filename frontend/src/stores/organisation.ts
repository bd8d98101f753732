// The clusters, their schools and the class-type catalogue, for selectors,
// forms, names and the setup guide.

import { create } from 'zustand';
import { errorMessage } from '../api/bridge';
import { OrganisationService, type ClassType, type Cluster, type School } from '../api/organisation';

type OrganisationApi = Pick<typeof OrganisationService, 'Clusters' | 'Schools' | 'ClassTypes'>;

interface OrganisationState {
  clusters: Cluster[];
  schools: School[];
  classTypes: ClassType[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  load: () => Promise<void>;
}

export function createOrganisationStore(api: OrganisationApi) {
  return create<OrganisationState>()((set, get) => ({
    clusters: [],
    schools: [],
    classTypes: [],
    loaded: false,
    loading: false,
    error: null,
    load: async () => {
      if (get().loading) return;
      set({ loading: true, error: null });
      try {
        const [clusters, schools, classTypes] = await Promise.all([api.Clusters(), api.Schools(), api.ClassTypes()]);
        set({
          clusters: clusters ?? [],
          schools: schools ?? [],
          classTypes: classTypes ?? [],
          loaded: true,
          loading: false,
        });
      } catch (err) {
        set({ error: errorMessage(err), loading: false });
      }
    },
  }));
}

export const useOrganisationStore = createOrganisationStore(OrganisationService);

/** A school's name, its id when unknown. */
export function schoolName(schools: readonly School[], id: string): string {
  return schools.find((s) => s.school_id === id)?.name ?? id;
}

/** A short name for charts: the province ("Sơn La"), else the name. */
export function schoolShortName(schools: readonly School[], id: string, fallback?: string): string {
  const s = schools.find((x) => x.school_id === id);
  return s?.province || s?.name || fallback || id;
}

/** A cluster's name, its id when unknown. */
export function clusterName(clusters: readonly Cluster[], id: string): string {
  return clusters.find((c) => c.cluster_id === id)?.name || id;
}

/** The cluster a cluster-wide fact goes to by default: the chosen school's
 * cluster, else the first (a ledger usually holds one); undefined when none. */
export function defaultClusterId(
  clusters: readonly Cluster[],
  schools: readonly School[],
  school = '',
): string | undefined {
  const own = schools.find((s) => s.school_id === school)?.cluster_id;
  if (own && clusters.some((c) => c.cluster_id === own)) return own;
  return clusters[0]?.cluster_id;
}

export type SetupStep = 'cluster' | 'schools' | 'classTypes';

/** What a new ledger still needs before classes can be recorded, in order. */
export function missingSetup(o: Pick<OrganisationState, 'clusters' | 'schools' | 'classTypes'>): SetupStep[] {
  const out: SetupStep[] = [];
  if (o.clusters.length === 0) out.push('cluster');
  if (o.schools.length === 0) out.push('schools');
  if (o.classTypes.length === 0) out.push('classTypes');
  return out;
}
