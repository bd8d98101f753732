// A small cluster for the tests that need only organisation and class plans:
// three schools, two class types, the 2021 targets and five classes.

const meta = { actor: 'e2e', source: 'e2e' };

function ev(type: string, stream: string, occurred_on: string, data: object) {
  return { type, stream, occurred_on, data, meta };
}

export const CLUSTER_NAME = 'Cụm thi đua các trường chính trị khu vực miền núi biên giới phía Bắc';

export const SCHOOLS = [
  { school_id: 'sonla', name: 'Trường Chính trị tỉnh Sơn La', province: 'Sơn La' },
  { school_id: 'laichau', name: 'Trường Chính trị tỉnh Lai Châu', province: 'Lai Châu' },
  { school_id: 'dienbien', name: 'Trường Chính trị tỉnh Điện Biên', province: 'Điện Biên' },
];

export const CLASS_TYPES = [
  { class_type: 'tc_llct_hc', name: 'Trung cấp LLCT-HC', group: 'dao_tao' },
  { class_type: 'bd_cv', name: 'Bồi dưỡng ngạch chuyên viên', group: 'boi_duong' },
];

function opened(id: string, school: string, type: string, name: string, students: number, start: string, end: string) {
  return ev('ClassOpened', `class-${id}`, start, {
    class_id: id,
    school_id: school,
    class_type: type,
    name,
    students,
    start_date: start,
    end_date: end,
    mode: 'tap_trung',
  });
}

export const SMALL_CLUSTER: object[] = [
  ev('ClusterFormed', 'cluster-mnbg', '2021-01-01', {
    cluster_id: 'mnbg',
    name: CLUSTER_NAME,
    region: 'Miền núi biên giới phía Bắc',
  }),
  ...SCHOOLS.map((s) => ev('SchoolRegistered', `school-${s.school_id}`, '2021-01-01', { ...s, cluster_id: 'mnbg' })),
  ...CLASS_TYPES.map((t) => ev('ClassTypeDefined', `classtype-${t.class_type}`, '2021-01-01', t)),
  ev('TrainingTargetAssigned', 'school-sonla-2021', '2021-01-15', { school_id: 'sonla', year: 2021, classes: 40, students: 2500 }),
  ev('TrainingTargetAssigned', 'school-laichau-2021', '2021-01-15', { school_id: 'laichau', year: 2021, classes: 25, students: 1300 }),
  ev('TrainingTargetAssigned', 'school-dienbien-2021', '2021-01-15', { school_id: 'dienbien', year: 2021, classes: 30, students: 1800 }),
  // carried over into 2021-H1
  opened('sl-tc-2020', 'sonla', 'tc_llct_hc', 'TC LLCT-HC K45 huyện Mộc Châu', 62, '2020-10-05', '2021-10-30'),
  // new in 2021-H1
  opened('sl-cv-2021', 'sonla', 'bd_cv', 'BD chuyên viên khóa 1/2021', 85, '2021-03-01', '2021-04-30'),
  opened('lc-tc-2021', 'laichau', 'tc_llct_hc', 'TC LLCT-HC K20 Phong Thổ', 70, '2021-04-12', '2022-06-30'),
  opened('db-tc-2021', 'dienbien', 'tc_llct_hc', 'TC LLCT-HC K31 Mường Nhé', 1120, '2021-05-10', '2022-05-30'),
  // a class planned for the second half
  ev('ClassPlanned', 'class-db-cv-h2', '2021-02-01', {
    class_id: 'db-cv-h2',
    school_id: 'dienbien',
    class_type: 'bd_cv',
    students: 60,
    period: '2021-H2',
  }),
];

/** localStorage that makes the app open on 2021-H1 for the whole cluster. */
export const H1_2021 = { 'socai.filters': JSON.stringify({ period: '2021-H1', school: '' }) };
