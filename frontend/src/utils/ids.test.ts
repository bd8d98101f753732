import { describe, expect, it } from 'vitest';
import { initialsId, plainLetters, slugId } from './ids';

describe('suggested codes', () => {
  it('drops the marks of Vietnamese letters', () => {
    expect(plainLetters('Điện Biên, Đắk Lắk')).toBe('Dien Bien, Dak Lak');
  });
  it('makes a code of a province', () => {
    expect(slugId('Sơn La')).toBe('sonla');
    expect(slugId('Bà Rịa - Vũng Tàu')).toBe('bariavungtau');
    expect(slugId('  ')).toBe('');
  });
  it('makes a code of the initials of a region', () => {
    expect(initialsId('Miền núi biên giới phía Bắc')).toBe('mnbgpb');
    expect(initialsId('Khu vực 2')).toBe('kv2');
    expect(initialsId('Trung cấp LLCT-HC')).toBe('tcllcthc');
  });
});
