/*
 * Folding text for search: lower case, Vietnamese diacritics removed, đ -> d, spaces collapsed,
 * so "ca phe sua" finds "Cà phê sữa". Stored beside names (searchName) so lookups use an index.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

export function foldForSearch(text: string): string {
  // Lower-case first: some capitals (Turkish İ) lower-case into a letter plus a combining mark.
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .normalize('NFC')
    .replace(SPACES, ' ')
    .trim();
}
