/*
 * UPC-E, the zero-suppressed 8-digit form of a UPC-A printed on small packs (cans, gum, cosmetics
 * imported from North America). The catalog stores the full GTIN, so a UPC-E scan is expanded to the
 * UPC-A it stands for; the check digit of a UPC-E is the check digit of that UPC-A.
 *
 * Digits: number system (0 or 1), six data digits d1..d6, check digit. d6 says where the zeros went:
 *   d6 0-2: manufacturer d1 d2 d6 0 0, item 0 0 d3 d4 d5
 *   d6 3:   manufacturer d1 d2 d3 0 0, item 0 0 0 d4 d5
 *   d6 4:   manufacturer d1 d2 d3 d4 0, item 0 0 0 0 d5
 *   d6 5-9: manufacturer d1 d2 d3 d4 d5, item 0 0 0 0 d6
 */

/**
 * The 12-digit UPC-A an 8-digit UPC-E stands for, keeping its check digit (the caller validates it).
 * Null when the input is not 8 digits with number system 0 or 1.
 */
export function expandUpcE(upce: string): string | null {
  if (!/^[01]\d{7}$/.test(upce)) return null;
  const ns = upce.charAt(0);
  const [d1, d2, d3, d4, d5, d6] = upce.slice(1, 7);
  const check = upce.charAt(7);
  let body: string;
  switch (d6) {
    case '0':
    case '1':
    case '2':
      body = `${d1}${d2}${d6}0000${d3}${d4}${d5}`;
      break;
    case '3':
      body = `${d1}${d2}${d3}00000${d4}${d5}`;
      break;
    case '4':
      body = `${d1}${d2}${d3}${d4}00000${d5}`;
      break;
    default:
      body = `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  }
  return ns + body + check;
}

/**
 * The UPC-E for a UPC-A whose zeros can be suppressed, or null when it has none to spare (or is not a
 * 12-digit UPC-A of number system 0 or 1). Used to print UPC-E labels and to prove expansion right.
 */
export function compressUpcA(upca: string): string | null {
  if (!/^[01]\d{11}$/.test(upca)) return null;
  const ns = upca.charAt(0);
  const m = upca.slice(1, 6);
  const p = upca.slice(6, 11);
  const check = upca.charAt(11);
  const [m1, m2, m3, m4, m5] = m;
  let data: string | null = null;
  if ('012'.includes(m3 ?? '') && m.endsWith('00') && p.startsWith('00')) data = `${m1}${m2}${p.slice(2)}${m3}`;
  else if (m.endsWith('00') && p.startsWith('000')) data = `${m1}${m2}${m3}${p.slice(3)}3`;
  else if (m.endsWith('0') && p.startsWith('0000')) data = `${m1}${m2}${m3}${m4}${p.charAt(4)}4`;
  else if (p.startsWith('0000') && p.charAt(4) >= '5') data = `${m1}${m2}${m3}${m4}${m5}${p.charAt(4)}`;
  return data === null ? null : ns + data + check;
}
