import { useEffect } from 'react';
import { App, Button, DatePicker, Space, Tooltip, Typography } from 'antd';
import { HistoryOutlined, RollbackOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { toApiError } from '../api/bridge';
import { vi } from '../locales/vi';
import { useAsOfStore } from '../stores/asof';
import { ASOF_FORMATS, END_OF_DAY, asOfLabel, asOfToPick, pickToAsOf } from '../utils/asof';

const t = vi.asOf;
const MESSAGE_KEY = 'asof';

/** "Xem tại thời điểm" in the header: a date and time re-renders every page as the
 * ledger stood then (record time); "Về hiện tại" comes back ("Về cuối bản chụp"
 * inside a snapshot). */
export function AsOfPicker() {
  const { asOf, snapshot, switching, set, sync } = useAsOfStore();
  // In a snapshot "now" is its cutoff: the way back is to the snapshot's end,
  // offered only when an earlier moment of it is shown.
  const atSnapshotEnd = snapshot !== null && asOf !== null && dayjs(asOf).valueOf() === dayjs(snapshot.cutoff).valueOf();
  const { message } = App.useApp();

  // the Go side holds the moment: a reload of the page keeps it
  useEffect(() => {
    void sync();
  }, [sync]);

  const go = async (to: string | null) => {
    message.open({ type: 'loading', content: t.switching, key: MESSAGE_KEY, duration: 0 });
    try {
      await set(to);
      const now = useAsOfStore.getState().asOf;
      message.open({ type: 'success', content: now ? t.switched(asOfLabel(now)) : t.back, key: MESSAGE_KEY, duration: 3 });
    } catch (err) {
      message.open({
        type: 'error',
        content: `${t.refused}: ${toApiError(err).message}`,
        key: MESSAGE_KEY,
        duration: 6,
      });
    }
  };

  const onChange = (d: Dayjs | null) => {
    if (!d) {
      if (asOf) void go(null);
      return;
    }
    void go(pickToAsOf(d));
  };

  return (
    <Space size={8} style={{ marginLeft: 'auto' }} data-testid="asof-control">
      <Tooltip title={t.pickerHint} placement="bottom">
        <Typography.Text style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          <HistoryOutlined /> {t.label}
        </Typography.Text>
      </Tooltip>
      <DatePicker
        id="asof-input"
        data-testid="asof-picker"
        showTime={{ format: 'HH:mm', defaultOpenValue: dayjs(END_OF_DAY, 'HH:mm:ss') }}
        format={ASOF_FORMATS}
        placeholder={t.placeholder}
        value={asOf ? asOfToPick(asOf) : null}
        onChange={onChange}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        disabled={switching}
        allowClear={false}
        style={{ width: 190 }}
      />
      {asOf && !atSnapshotEnd ? (
        <Button icon={<RollbackOutlined />} onClick={() => void go(null)} loading={switching} data-testid="asof-now">
          {snapshot ? t.backToSnapshotEnd : t.backToNow}
        </Button>
      ) : null}
    </Space>
  );
}
