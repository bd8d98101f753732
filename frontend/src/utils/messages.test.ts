import { describe, expect, it } from 'vitest';
import { humanizeMessage } from './messages';

describe('humanizeMessage', () => {
  it('names the field in Vietnamese and writes dates dd/mm/yyyy', () => {
    expect(humanizeMessage('không được trước start_date (2021-03-01 < 2021-04-01)')).toBe(
      'không được trước ngày bắt đầu (01/03/2021 < 01/04/2021)',
    );
  });
  it('leaves other text alone', () => {
    expect(humanizeMessage('không được âm (nhận -5)')).toBe('không được âm (nhận -5)');
    expect(humanizeMessage('giá trị "x" không hợp lệ (chỉ nhận: tap_trung, truc_tuyen)')).toBe(
      'giá trị "x" không hợp lệ (chỉ nhận: tap_trung, truc_tuyen)',
    );
    expect(humanizeMessage('trường "sonla" chưa được đăng ký')).toBe('trường "sonla" chưa được đăng ký');
  });
});
