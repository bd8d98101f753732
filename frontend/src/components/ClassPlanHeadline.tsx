import { Figure, FigureRow } from './Figure';
import type { ClassPlanRow } from '../api/classplans';
import { vi } from '../locales/vi';
import { formatInt, formatNumber } from '../utils/format';

const o = vi.overview;

const pctText = (p: number | null | undefined) =>
  p === null || p === undefined ? o.noTarget : o.pctOfTarget(`${formatNumber(p, 1)}%`);

/** Executed / target (classes, students) with %, carried over and newly opened. */
export function ClassPlanHeadline({ total, prefix }: { total: ClassPlanRow; prefix: string }) {
  const target = total.target;
  return (
    <FigureRow>
      <Figure
        testId={`${prefix}-executed-classes`}
        title={o.executed}
        value={`${formatInt(total.executed.classes)}/${target ? formatInt(target.classes) : '–'}`}
        sub={pctText(total.pct_classes)}
      />
      <Figure
        testId={`${prefix}-executed-students`}
        title={o.executedStudents}
        value={`${formatInt(total.executed.students)}/${target ? formatInt(target.students) : '–'}`}
        sub={pctText(total.pct_students)}
      />
      <Figure
        testId={`${prefix}-carried`}
        title={o.carried}
        value={o.classesValue(formatInt(total.carried.classes))}
        sub={o.studentsValue(formatInt(total.carried.students))}
      />
      <Figure
        testId={`${prefix}-new`}
        title={o.newlyOpened}
        value={o.classesValue(formatInt(total.new.classes))}
        sub={o.studentsValue(formatInt(total.new.students))}
      />
    </FigureRow>
  );
}
