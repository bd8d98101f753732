// Suggested codes for new entities, from what the user typed: "Sơn La" → "sonla",
// "Miền núi biên giới phía Bắc" → "mnbgpb". The ledger keeps a code for good, so
// it is plain ASCII, lower case, without spaces.

/** Vietnamese letters without their marks; đ → d. */
export function plainLetters(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** The words of a text, ASCII letters and digits only, case kept. */
function words(text: string): string[] {
  return plainLetters(text).split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/** "Sơn La" → "sonla", "Bà Rịa - Vũng Tàu" → "bariavungtau". */
export function slugId(text: string): string {
  return words(text).join('').toLowerCase();
}

/** The initials of a longer name: "Miền núi biên giới phía Bắc" → "mnbgpb";
 * numbers and abbreviations stay whole ("Trung cấp LLCT-HC" → "tcllcthc"). */
export function initialsId(text: string): string {
  return words(text)
    .map((w) => (/^(\d+|[A-Z]{2,})$/.test(w) ? w : w[0]))
    .join('')
    .toLowerCase();
}
