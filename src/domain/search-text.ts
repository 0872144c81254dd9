/*
 * Folding text for search: lower case, Vietnamese diacritics removed, đ -> d, spaces collapsed,
 * so "ca phe sua" finds "Cà phê sữa". Stored beside names (searchName) so lookups use an index.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}
