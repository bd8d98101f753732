import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { ISODate, Note, Result } from '../api/types';
import { CommandModal } from '../components/CommandModal';
import { isoDate } from '../components/DateField';
import { OnItem, TextItem, trim, type FormProps } from './fields';

interface ReasonValues {
  reason: string;
  on: Dayjs;
}

/** The form that ends something with a reason and a date (a class cancelled, a title
 * revoked, a study given up …): what it concerns above, then "Lý do" and "Ngày".
 * A refusal of what it concerns (`idField`, e.g. "data.class_id") is shown at the reason. */
export function ReasonForm({
  open,
  onClose,
  name,
  title,
  idField,
  reasonLabel,
  summary,
  send,
}: FormProps & {
  name: string;
  title: string;
  idField: string;
  reasonLabel: string;
  summary: ReactNode;
  send: (reason: string, on: ISODate, note: Note) => Promise<Result>;
}) {
  return (
    <CommandModal<ReasonValues>
      open={open}
      onClose={onClose}
      name={name}
      title={title}
      occurredOn="on"
      fieldMap={{ [idField]: 'reason' }}
      initialValues={{ on: dayjs() } as Partial<ReasonValues>}
      submit={(v, note) => send(trim(v.reason), isoDate(v.on), note)}
    >
      {summary}
      <TextItem name="reason" label={reasonLabel} />
      <OnItem />
    </CommandModal>
  );
}
