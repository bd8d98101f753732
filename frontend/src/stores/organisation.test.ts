import { describe, expect, it, vi as vitest } from 'vitest';
import { ApiError } from '../api/bridge';
import type { Cluster, School } from '../api/organisation';
import { clusterName, createOrganisationStore, defaultClusterId, missingSetup } from './organisation';

const MNBG: Cluster = { cluster_id: 'mnbgpb', name: 'Cụm miền núi biên giới phía Bắc', region: 'Miền núi biên giới phía Bắc' };
const DBSCL: Cluster = { cluster_id: 'dbscl', name: 'Cụm đồng bằng sông Cửu Long', region: '' };
const SCHOOLS: School[] = [
  { school_id: 'sonla', name: 'Trường Chính trị tỉnh Sơn La', province: 'Sơn La', cluster_id: 'mnbgpb' },
  { school_id: 'camau', name: 'Trường Chính trị tỉnh Cà Mau', province: 'Cà Mau', cluster_id: 'dbscl' },
];

function api(over: Partial<Record<'Clusters' | 'Schools' | 'ClassTypes', () => Promise<unknown>>> = {}) {
  return {
    Clusters: vitest.fn(over.Clusters ?? (async () => [MNBG, DBSCL])),
    Schools: vitest.fn(over.Schools ?? (async () => SCHOOLS)),
    ClassTypes: vitest.fn(over.ClassTypes ?? (async () => null)),
  } as never;
}

describe('organisation store', () => {
  it('loads the clusters, schools and class types; null lists are empty', async () => {
    const store = createOrganisationStore(api());
    expect(store.getState().loaded).toBe(false);
    await store.getState().load();
    const s = store.getState();
    expect(s.clusters.map((c) => c.cluster_id)).toEqual(['mnbgpb', 'dbscl']);
    expect(s.schools).toHaveLength(2);
    expect(s.classTypes).toEqual([]);
    expect([s.loaded, s.loading, s.error]).toEqual([true, false, null]);
  });

  it('keeps what it had and says why when a list cannot be read', async () => {
    let fail = false;
    const store = createOrganisationStore(
      api({
        Clusters: async () => {
          if (fail) throw new ApiError('cơ sở dữ liệu bị khóa');
          return [MNBG];
        },
      }),
    );
    await store.getState().load();
    fail = true;
    await store.getState().load();
    expect(store.getState().error).toBe('cơ sở dữ liệu bị khóa');
    expect(store.getState().clusters).toEqual([MNBG]);
    expect(store.getState().loading).toBe(false);
  });

  it('does not load twice at once', async () => {
    const a = api();
    const store = createOrganisationStore(a);
    await Promise.all([store.getState().load(), store.getState().load()]);
    expect((a as { Clusters: { mock: { calls: unknown[] } } }).Clusters.mock.calls).toHaveLength(1);
  });
});

describe('defaultClusterId', () => {
  it("takes the chosen school's cluster, else the first", () => {
    expect(defaultClusterId([MNBG, DBSCL], SCHOOLS, 'camau')).toBe('dbscl');
    expect(defaultClusterId([MNBG, DBSCL], SCHOOLS, '')).toBe('mnbgpb');
    expect(defaultClusterId([MNBG, DBSCL], SCHOOLS, 'unknown')).toBe('mnbgpb');
  });
  it('ignores a school whose cluster is not formed, and has nothing without clusters', () => {
    expect(defaultClusterId([MNBG], SCHOOLS, 'camau')).toBe('mnbgpb');
    expect(defaultClusterId([], SCHOOLS, 'sonla')).toBeUndefined();
  });
});

describe('clusterName', () => {
  it('names a cluster, or gives its code', () => {
    expect(clusterName([MNBG], 'mnbgpb')).toBe('Cụm miền núi biên giới phía Bắc');
    expect(clusterName([MNBG], 'x')).toBe('x');
  });
});

describe('missingSetup', () => {
  it('lists what a new ledger still needs, in order', () => {
    expect(missingSetup({ clusters: [], schools: [], classTypes: [] })).toEqual(['cluster', 'schools', 'classTypes']);
    expect(missingSetup({ clusters: [MNBG], schools: SCHOOLS, classTypes: [] })).toEqual(['classTypes']);
    expect(
      missingSetup({ clusters: [MNBG], schools: SCHOOLS, classTypes: [{ class_type: 'a', name: 'A', group: 'dao_tao' }] }),
    ).toEqual([]);
  });
});
