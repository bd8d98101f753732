// The forms of "Thi đua – Khen thưởng".

import { useEffect, useState } from 'react';
import { AutoComplete, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { isMissingMethod, toApiError } from '../api/bridge';
import {
  EmulationService,
  MOVEMENT_LEVELS,
  RATINGS,
  RECIPIENT_KINDS,
  SCORED_BY,
  TITLES,
  type EmulationMovementLaunched,
  type EmulationTargets,
  type ScoreCriterion,
  type TitleInfo,
} from '../api/emulation';
import { CommandModal, required } from '../components/CommandModal';
import { isoDate } from '../components/DateField';
import { ClusterItem, useDefaultCluster } from '../components/Selects';
import { vi } from '../locales/vi';
import { formatDate, formatNumber } from '../utils/format';
import {
  CodeItem,
  DateItem,
  FieldRow,
  NumberItem,
  OnItem,
  SchoolItem,
  Summary,
  TextItem,
  num,
  trim,
  useFilterSchool,
  type FormProps,
  type YearFormProps,
} from './fields';
import { ReasonForm } from './ReasonForm';

const t = vi.awards;

/** "Năm": the year of the fact, which may differ from the page's. */
const yearItem = <NumberItem name="year" label={t.fYear} />;

/** The school a fact of the year belongs to, and the year. */
function SchoolYearRow() {
  return (
    <FieldRow spans={[16, 8]}>
      <SchoolItem />
      {yearItem}
    </FieldRow>
  );
}

type TargetsValues = { cluster_id: string; year: number; issuer: string; on: Dayjs; targets: EmulationTargets };

const TARGET_FIELDS: { key: keyof EmulationTargets; label: string }[] = [
  { key: 'lao_dong_tien_tien_min_pct', label: t.fLdttMin },
  { key: 'cstd_co_so_min_pct', label: t.fCstdMin },
  { key: 'cstd_co_so_max_pct', label: t.fCstdMax },
  { key: 'ttldxs_min', label: t.fTtldxsMin },
  { key: 'commended_min_pct', label: t.fCommendedMin },
  { key: 'party_htt_min_pct', label: t.fPartyHttMin },
  { key: 'party_htxs_min_pct', label: t.fPartyHtxsMin },
  { key: 'units_htt_min_pct', label: t.fUnitsHttMin },
];

export function SetTargetsForm({ open, onClose, year, current }: YearFormProps & { current?: EmulationTargets | null }) {
  const cluster = useDefaultCluster();
  return (
    <CommandModal<TargetsValues>
      open={open}
      onClose={onClose}
      name="setTargets"
      title={t.setTargets}
      occurredOn="on"
      width={720}
      initialValues={
        {
          cluster_id: cluster,
          year,
          on: dayjs(),
          issuer: 'Học viện Chính trị quốc gia Hồ Chí Minh',
          targets: current ?? undefined,
        } as Partial<TargetsValues>
      }
      submit={(v, note) =>
        EmulationService.SetTargets(
          v.cluster_id,
          {
            year: num(v.year),
            issuer: trim(v.issuer),
            targets: Object.fromEntries(TARGET_FIELDS.map((f) => [f.key, num(v.targets?.[f.key])])) as unknown as EmulationTargets,
          },
          isoDate(v.on),
          note,
        )
      }
    >
      <ClusterItem />
      <FieldRow spans={[6, 12, 6]}>
        {yearItem}
        <TextItem name="issuer" label={t.fIssuer} />
        <OnItem />
      </FieldRow>
      <FieldRow span={12}>
        {TARGET_FIELDS.map((f) => (
          <NumberItem key={f.key} name={['targets', f.key]} label={f.label} decimal />
        ))}
      </FieldRow>
    </CommandModal>
  );
}

interface AwardValues {
  year: number;
  school_id: string;
  recipient_kind: string;
  recipient: string;
  title: string;
  decision_no: string;
  decision_date: Dayjs;
  issuer?: string;
}

export function AwardTitleForm({ open, onClose, year }: YearFormProps) {
  const school = useFilterSchool();
  return (
    <CommandModal<AwardValues>
      open={open}
      onClose={onClose}
      name="awardTitle"
      title={t.awardTitle}
      occurredOn="decision_date"
      width={700}
      initialValues={{ year, school_id: school, recipient_kind: 'individual' } as Partial<AwardValues>}
      submit={(v, note) =>
        EmulationService.AwardTitle(
          {
            award_id: '',
            year: num(v.year),
            school_id: v.school_id,
            recipient_kind: v.recipient_kind,
            recipient: trim(v.recipient),
            title: v.title,
            decision_no: trim(v.decision_no),
            decision_date: isoDate(v.decision_date),
            issuer: trim(v.issuer),
          },
          note,
        )
      }
    >
      <SchoolYearRow />
      <FieldRow spans={[8, 16]}>
        <CodeItem name="recipient_kind" label={t.fRecipientKind} codes={RECIPIENT_KINDS} labels={vi.recipientKinds} />
        <TextItem name="recipient" label={t.fRecipient} />
      </FieldRow>
      <CodeItem name="title" label={t.fTitle} codes={TITLES} labels={vi.titles} />
      <FieldRow>
        <TextItem name="decision_no" label={t.fDecisionNo} />
        <DateItem name="decision_date" label={t.fDecisionDate} />
        <TextItem name="issuer" label={t.fAwardIssuer} optional />
      </FieldRow>
    </CommandModal>
  );
}

export function RevokeTitleForm({ open, onClose, title }: FormProps & { title: TitleInfo }) {
  return (
    <ReasonForm
      open={open}
      onClose={onClose}
      name="revokeTitle"
      title={t.revokeTitle}
      idField="data.award_id"
      reasonLabel={t.fRevokeReason}
      summary={
        <Summary
          rows={[
            [t.colRecipient, title.recipient],
            [t.colTitle, title.title_name || vi.titles[title.title] || title.title],
            [t.colDecision, `${title.decision_no}, ${formatDate(title.decision_date)}`],
          ]}
        />
      }
      send={(reason, on, note) => EmulationService.RevokeTitle({ award_id: title.award_id, reason }, on, note)}
    />
  );
}

interface RateValues {
  school_id: string;
  year: number;
  name: string;
  rating: string;
  on: Dayjs;
}

/** "Xếp loại tổ chức đảng" (what = party) or "Xếp loại đơn vị" (what = unit). */
export function RateForm({ open, onClose, year, what }: YearFormProps & { what: 'party' | 'unit' }) {
  const school = useFilterSchool();
  const field = what === 'party' ? 'org' : 'unit';
  return (
    <CommandModal<RateValues>
      open={open}
      onClose={onClose}
      name={what === 'party' ? 'rateParty' : 'rateUnit'}
      title={what === 'party' ? t.rateParty : t.rateUnit}
      occurredOn="on"
      fieldMap={{ [`data.${field}`]: 'name' }}
      initialValues={{ year, school_id: school, rating: 'HTTNV', on: dayjs() } as Partial<RateValues>}
      submit={(v, note) => {
        const base = { school_id: v.school_id, year: num(v.year), rating: v.rating };
        return what === 'party'
          ? EmulationService.RateParty({ ...base, org: trim(v.name) }, isoDate(v.on), note)
          : EmulationService.RateUnit({ ...base, unit: trim(v.name) }, isoDate(v.on), note);
      }}
    >
      <SchoolYearRow />
      <TextItem name="name" label={what === 'party' ? t.fOrg : t.fUnit} />
      <FieldRow spans={[16, 8]}>
        <CodeItem
          name="rating"
          label={t.fRating}
          codes={RATINGS}
          labels={Object.fromEntries(RATINGS.map((r) => [r, `${r} – ${vi.ratings[r]}`]))}
        />
        <OnItem />
      </FieldRow>
    </CommandModal>
  );
}

interface CriterionValues {
  cluster_id: string;
  year: number;
  form: string;
  criterion_id: string;
  title: string;
  max_points: number;
  on: Dayjs;
}

export function DefineCriterionForm({ open, onClose, year }: YearFormProps) {
  const cluster = useDefaultCluster();
  return (
    <CommandModal<CriterionValues>
      open={open}
      onClose={onClose}
      name="defineCriterion"
      title={t.defineCriterion}
      occurredOn="on"
      initialValues={{ cluster_id: cluster, year, form: '5.1', on: dayjs() } as Partial<CriterionValues>}
      submit={(v, note) =>
        EmulationService.DefineCriterion(
          v.cluster_id,
          {
            year: num(v.year),
            form: v.form,
            criterion_id: trim(v.criterion_id),
            title: trim(v.title),
            max_points: num(v.max_points),
          },
          isoDate(v.on),
          note,
        )
      }
    >
      <ClusterItem />
      <FieldRow>
        {yearItem}
        <CodeItem name="form" label={t.fForm} codes={['5.1', '5.2']} labels={vi.scoreForms} />
        <TextItem name="criterion_id" label={t.fCriterionId} />
      </FieldRow>
      <TextItem name="title" label={t.fCriterionTitle} long />
      <FieldRow>
        <NumberItem name="max_points" label={t.fMaxPoints} decimal />
        <OnItem />
      </FieldRow>
    </CommandModal>
  );
}

interface ScoreValues {
  school_id: string;
  year: number;
  criterion_id: string;
  points: number;
  scored_by: string;
  on: Dayjs;
}

export function RecordScoreForm({ open, onClose, year }: YearFormProps) {
  const school = useFilterSchool();
  const [criteria, setCriteria] = useState<ScoreCriterion[]>([]);
  useEffect(() => {
    if (!open) return;
    let live = true;
    EmulationService.Scores(year)
      .then((tab) => live && setCriteria(tab.criteria ?? []))
      .catch(() => live && setCriteria([]));
    return () => {
      live = false;
    };
  }, [open, year]);
  return (
    <CommandModal<ScoreValues>
      open={open}
      onClose={onClose}
      name="recordScore"
      title={t.recordScore}
      occurredOn="on"
      width={700}
      initialValues={{ year, school_id: school, scored_by: 'self', on: dayjs() } as Partial<ScoreValues>}
      submit={(v, note) =>
        EmulationService.RecordScore(
          {
            school_id: v.school_id,
            year: num(v.year),
            criterion_id: v.criterion_id,
            points: num(v.points),
            scored_by: v.scored_by,
          },
          isoDate(v.on),
          note,
        )
      }
    >
      <SchoolYearRow />
      <Form.Item name="criterion_id" label={t.fCriterion} rules={required}>
        <Select
          showSearch
          optionFilterProp="label"
          options={criteria.map((c) => ({
            value: c.criterion_id,
            label: `${c.criterion_id}. ${c.title} (${t.colMax} ${formatNumber(c.max_points)})`,
          }))}
        />
      </Form.Item>
      <FieldRow>
        <NumberItem name="points" label={t.fPoints} decimal />
        <CodeItem name="scored_by" label={t.fScoredBy} codes={SCORED_BY} labels={vi.scoredBy} />
        <OnItem />
      </FieldRow>
    </CommandModal>
  );
}

interface MovementValues {
  cluster_id: string;
  year: number;
  movement_id?: string;
  level: string;
  theme: string;
  on: Dayjs;
}

/** "Phát động phong trào thi đua": recorded in the cluster's year stream. */
export function LaunchMovementForm({ open, onClose, year }: YearFormProps) {
  const cluster = useDefaultCluster();
  return (
    <CommandModal<MovementValues>
      open={open}
      onClose={onClose}
      name="launchMovement"
      title={t.launchMovement}
      occurredOn="on"
      width={700}
      initialValues={{ cluster_id: cluster, year, level: 'cum', on: dayjs() } as Partial<MovementValues>}
      submit={(v, note) =>
        EmulationService.LaunchMovement(
          v.cluster_id,
          { movement_id: trim(v.movement_id), year: num(v.year), level: v.level, theme: trim(v.theme) },
          isoDate(v.on),
          note,
        )
      }
    >
      <ClusterItem />
      <FieldRow spans={[6, 9, 9]}>
        {yearItem}
        <CodeItem name="level" label={t.fLevel} codes={MOVEMENT_LEVELS} labels={vi.movementLevels} />
        <OnItem />
      </FieldRow>
      <Form.Item name="theme" label={t.fTheme} rules={required}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <TextItem name="movement_id" label={t.fMovementId} extra={t.fMovementIdHint} optional />
    </CommandModal>
  );
}

/** The movements of a year; null when the running socai cannot list them. */
function useMovements(year: number | undefined): EmulationMovementLaunched[] | null {
  const [list, setList] = useState<EmulationMovementLaunched[] | null>([]);
  useEffect(() => {
    if (!year) return;
    let live = true;
    EmulationService.Movements(year)
      .then((m) => live && setList(m ?? []))
      .catch((err: unknown) => live && setList(isMissingMethod(toApiError(err)) ? null : []));
    return () => {
      live = false;
    };
  }, [year]);
  return list;
}

/** The movement of the year chosen in the form: a choice among those launched,
 * or its code when this socai cannot list them. */
function MovementItem() {
  const year = Form.useWatch<number | undefined>('year', Form.useFormInstance());
  const movements = useMovements(year);
  return (
    <Form.Item
      name="movement_id"
      label={movements ? t.fMovement : t.fMovementCode}
      rules={required}
      extra={movements && movements.length === 0 && year ? t.noMovements(year) : undefined}
    >
      {movements ? (
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={vi.forms.selectPlaceholder}
          options={movements.map((m) => ({
            value: m.movement_id,
            label: `${m.theme} (${vi.movementLevels[m.level] ?? m.level})`,
          }))}
        />
      ) : (
        <Input />
      )}
    </Form.Item>
  );
}

interface RegisterValues {
  school_id: string;
  year: number;
  movement_id: string;
  titles: string[];
  on: Dayjs;
}

/** "Đăng ký thi đua": a school's titles registered under a movement of the year. */
export function RegisterEmulationForm({ open, onClose, year }: YearFormProps) {
  const school = useFilterSchool();
  return (
    <CommandModal<RegisterValues>
      open={open}
      onClose={onClose}
      name="registerEmulation"
      title={t.registerEmulation}
      occurredOn="on"
      width={700}
      fieldMap={Object.fromEntries(TITLES.map((_, i) => [`data.titles[${i}]`, 'titles']))}
      initialValues={{ year, school_id: school, titles: [], on: dayjs() } as Partial<RegisterValues>}
      submit={(v, note) =>
        EmulationService.Register(
          { school_id: v.school_id, year: num(v.year), movement_id: trim(v.movement_id), titles: v.titles ?? [] },
          isoDate(v.on),
          note,
        )
      }
    >
      <SchoolYearRow />
      <MovementItem />
      <Form.Item
        name="titles"
        label={t.fRegisteredTitles}
        rules={[{ required: true, type: 'array', min: 1, message: vi.forms.required }]}
      >
        <Select
          mode="multiple"
          allowClear
          placeholder={vi.forms.selectPlaceholder}
          options={TITLES.map((k) => ({ value: k, label: vi.titles[k] ?? k }))}
        />
      </Form.Item>
      <OnItem />
    </CommandModal>
  );
}

interface ProposalValues {
  cluster_id: string;
  year: number;
  school_id: string;
  award: string;
  rank: number;
  on: Dayjs;
}

/** The school item of a proposal: the schools of the chosen cluster. */
function ClusterSchoolItem() {
  const cluster = Form.useWatch<string | undefined>('cluster_id', Form.useFormInstance());
  return <SchoolItem cluster={cluster} />;
}

/** "Đề nghị khen thưởng": a line of the cluster's tờ trình. */
export function ProposeAwardForm({ open, onClose, year }: YearFormProps) {
  const cluster = useDefaultCluster();
  const school = useFilterSchool();
  return (
    <CommandModal<ProposalValues>
      open={open}
      onClose={onClose}
      name="proposeAward"
      title={t.proposeAward}
      occurredOn="on"
      width={700}
      initialValues={{ cluster_id: cluster, year, school_id: school, on: dayjs() } as Partial<ProposalValues>}
      submit={(v, note) =>
        EmulationService.ProposeAward(
          { year: num(v.year), cluster_id: v.cluster_id, school_id: v.school_id, award: trim(v.award), rank: num(v.rank) },
          isoDate(v.on),
          note,
        )
      }
    >
      <ClusterItem />
      <FieldRow spans={[16, 8]}>
        <ClusterSchoolItem />
        {yearItem}
      </FieldRow>
      <Form.Item name="award" label={t.fAward} rules={required}>
        <AutoComplete options={t.awardSuggestions.map((a) => ({ value: a }))} filterOption />
      </Form.Item>
      <FieldRow>
        <NumberItem name="rank" label={t.fRank} />
        <OnItem />
      </FieldRow>
    </CommandModal>
  );
}
