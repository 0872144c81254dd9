/*
 * Vietnamese phone numbers as the shop compares them. A customer says "0903 000 003", an online order says
 * "+84903000003", an import says "84903000003": the same number. Compared in the national form (digits,
 * leading 0), on the tablet (finding the customer to attach to a sale) and on the server (merging a customer
 * created offline by phone, the chain-wide lookup, which takes only a whole number).
 */

/** Separators people type inside a phone number; anything else makes the text not a phone. */
const PHONE_TEXT = /^[\d\s().+-]+$/;

/**
 * The number in the national form: "+84 903 000 003", "84903000003", "0084903000003" and "0903.000.003"
 * are all "0903000003". A number without a country code keeps its digits as typed (a part of a number stays
 * a part). Text with other characters (a member card "TV00000001") comes back as its digits.
 */
export function normaliseVietnamPhone(text: string): string {
  const trimmed = text.trim();
  const digits = trimmed.replace(/\D/g, '');
  let national: string | undefined;
  if (digits.startsWith('0084')) national = digits.slice(4);
  else if (trimmed.startsWith('+84') || (digits.startsWith('84') && digits.length >= 11)) national = digits.slice(2);
  if (national === undefined) return digits;
  // "+84 0903 ..." (the trunk 0 kept after the country code) is the same number.
  return national.startsWith('0') ? national : `0${national}`;
}

/**
 * The national form when the text is a WHOLE Vietnamese number (a mobile: 0 and 9 digits after a 3, 5, 7, 8
 * or 9; a landline: 02 and 9 digits), otherwise undefined: a part of a number, a name, a member card.
 */
export function fullVietnamPhone(text: string): string | undefined {
  if (!PHONE_TEXT.test(text.trim())) return undefined;
  const national = normaliseVietnamPhone(text);
  return /^(0[35789]\d{8}|02\d{9})$/.test(national) ? national : undefined;
}

/**
 * The ways a number in the national form may stand in a stored document ("0903000003", "+84903000003",
 * "84903000003"), so one indexed lookup finds it however the device or the online shop wrote it.
 */
export function phoneForms(national: string): string[] {
  if (!/^0\d+$/.test(national)) return [national];
  const subscriber = national.slice(1);
  return [national, `+84${subscriber}`, `84${subscriber}`];
}

/** The last three digits, all another store is shown of a customer's number ("…003"). */
export function lastThreeDigits(phone: string): string {
  return phone.replace(/\D/g, '').slice(-3);
}
