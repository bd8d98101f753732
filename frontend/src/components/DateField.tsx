import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { vi } from '../locales/vi';

export const DATE_FORMAT = 'DD/MM/YYYY';

/** A business date input, dd/mm/yyyy. */
export function DateField(props: DatePickerProps) {
  return (
    <DatePicker
      format={DATE_FORMAT}
      placeholder={vi.forms.datePlaceholder}
      style={{ width: '100%' }}
      {...props}
    />
  );
}

/** A form value (dayjs) as the services take it: "YYYY-MM-DD", "" when empty. */
export function isoDate(d: Dayjs | null | undefined): string {
  return d && d.isValid() ? d.format('YYYY-MM-DD') : '';
}

/** "YYYY-MM-DD" as a form value. */
export function toDayjs(iso: string | null | undefined): Dayjs | undefined {
  if (!iso) return undefined;
  const d = dayjs(iso, 'YYYY-MM-DD', true);
  return d.isValid() ? d : undefined;
}
