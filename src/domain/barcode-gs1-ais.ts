/*
 * The GS1 Application Identifiers the counter can meet on GS1-128 case labels, GS1 DataMatrix/QR on
 * fresh food and pharmacy packs, and GS1 DataBar on produce: how long each AI is, how long and of which
 * characters its value is, and whether it is one of the "predefined length" AIs that are never followed
 * by an FNC1 separator (GS1 General Specifications, the table keyed by the AI's first two digits).
 *
 * An element string can only be split if every AI in it is known (the length of an unknown value is
 * unknowable), so the table is broader than what the counter uses (01, 10, 17, 21, 310n, 392n).
 * GS1 assigns AIs so that none is a prefix of another, which is what lets lookupAi try 2, 3, then 4 digits.
 */

export interface AiSpec {
  /** GS1 data title, for logs. */
  readonly title: string;
  /** 'N': digits only; 'X': GS1 character set 82 (letters, digits and some punctuation, no spaces). */
  readonly charset: 'N' | 'X';
  readonly minLength: number;
  readonly maxLength: number;
  /** Check digit over the whole value, mod 10 with weights 3 and 1 (GTIN, SSCC, GLN). */
  readonly checkDigit?: boolean;
  /** A YYMMDD date (day 00 = end of the month). */
  readonly date?: boolean;
  /** The AI's fourth digit is a number of decimal places (310n, 392n, ...). */
  readonly decimals?: boolean;
}

export interface ResolvedAi {
  /** The AI as written, e.g. '01', '3103'. */
  readonly ai: string;
  readonly spec: AiSpec;
  /** The value has the predefined length: read exactly maxLength characters, no separator follows. */
  readonly predefinedLength: boolean;
  /** Decimal places, for AIs whose fourth digit gives them. */
  readonly decimalPlaces?: number;
}

/** First two digits of the AIs whose element strings have a predefined total length (no FNC1 after them). */
const PREDEFINED_LENGTH_PREFIXES = new Set(['00', '01', '02', '03', '04', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '31', '32', '33', '34', '35', '36', '41']);

const n = (title: string, minLength: number, maxLength = minLength, extra: Partial<AiSpec> = {}): AiSpec => ({ title, charset: 'N', minLength, maxLength, ...extra });
const x = (title: string, maxLength: number, minLength = 1): AiSpec => ({ title, charset: 'X', minLength, maxLength });
const date = (title: string): AiSpec => n(title, 6, 6, { date: true });
const measure = (title: string): AiSpec => n(title, 6, 6, { decimals: true });

/** Keyed by the AI, or for AIs with a decimal-places digit by their first three digits. */
export const GS1_AI_TABLE: ReadonlyMap<string, AiSpec> = new Map<string, AiSpec>([
  ['00', n('SSCC', 18, 18, { checkDigit: true })],
  ['01', n('GTIN', 14, 14, { checkDigit: true })],
  ['02', n('CONTENT', 14, 14, { checkDigit: true })],
  ['10', x('BATCH/LOT', 20)],
  ['11', date('PROD DATE')],
  ['12', date('DUE DATE')],
  ['13', date('PACK DATE')],
  ['15', date('BEST BEFORE or BEST BY')],
  ['16', date('SELL BY')],
  ['17', date('USE BY or EXPIRY')],
  ['20', n('VARIANT', 2)],
  ['21', x('SERIAL', 20)],
  ['22', x('CPV', 20)],
  ['235', x('TPX', 28)],
  ['240', x('ADDITIONAL ID', 30)],
  ['241', x('CUST. PART No.', 30)],
  ['242', n('MTO VARIANT', 1, 6)],
  ['243', x('PCN', 20)],
  ['250', x('SECONDARY SERIAL', 30)],
  ['251', x('REF. TO SOURCE', 30)],
  ['253', x('GDTI', 30, 13)],
  ['254', x('GLN EXTENSION COMPONENT', 20)],
  ['255', n('GCN', 13, 25)],
  ['30', n('VAR. COUNT', 1, 8)],
  ...['310', '311', '312', '313', '314', '315', '316'].map((ai): [string, AiSpec] => [ai, measure(`MEASURE (${ai}n, metric)`)]),
  ...['320', '321', '322', '323', '324', '325', '326', '327', '328', '329'].map((ai): [string, AiSpec] => [ai, measure(`MEASURE (${ai}n, imperial)`)]),
  ...['330', '331', '332', '333', '334', '335', '336', '337'].map((ai): [string, AiSpec] => [ai, measure(`LOGISTIC MEASURE (${ai}n)`)]),
  ...['340', '341', '342', '343', '344', '345', '346', '347', '348', '349'].map((ai): [string, AiSpec] => [ai, measure(`LOGISTIC MEASURE (${ai}n)`)]),
  ...['350', '351', '352', '353', '354', '355', '356', '357'].map((ai): [string, AiSpec] => [ai, measure(`AREA (${ai}n)`)]),
  ...['360', '361', '362', '363', '364', '365', '366', '367', '368', '369'].map((ai): [string, AiSpec] => [ai, measure(`VOLUME (${ai}n)`)]),
  ['37', n('COUNT', 1, 8)],
  ['390', n('AMOUNT (local currency)', 1, 15, { decimals: true })],
  ['391', n('AMOUNT (ISO currency)', 4, 18, { decimals: true })],
  ['392', n('PRICE (local currency)', 1, 15, { decimals: true })],
  ['393', n('PRICE (ISO currency)', 4, 18, { decimals: true })],
  ['394', n('PRCNT OFF', 4, 4, { decimals: true })],
  ['395', n('PRICE/UoM', 6, 6, { decimals: true })],
  ['400', x('ORDER NUMBER', 30)],
  ['401', x('GINC', 30)],
  ['402', n('GSIN', 17, 17, { checkDigit: true })],
  ['403', x('ROUTE', 30)],
  ...['410', '411', '412', '413', '414', '415', '416', '417'].map((ai): [string, AiSpec] => [ai, n(`GLN (${ai})`, 13, 13, { checkDigit: true })]),
  ['420', x('SHIP TO POST', 20)],
  ['421', x('SHIP TO POST (ISO country)', 12, 4)],
  ['422', n('ORIGIN', 3)],
  ['423', n('COUNTRY - INITIAL PROCESS', 3, 15)],
  ['424', n('COUNTRY - PROCESS', 3)],
  ['425', n('COUNTRY - DISASSEMBLY', 3, 15)],
  ['426', n('COUNTRY - FULL PROCESS', 3)],
  ['427', x('ORIGIN SUBDIVISION', 3)],
  ['7001', n('NSN', 13)],
  ['7002', x('MEAT CUT', 30)],
  ['7003', n('EXPIRY TIME', 10)],
  ['7004', n('ACTIVE POTENCY', 1, 4)],
  ['7005', x('CATCH AREA', 12)],
  ['7006', date('FIRST FREEZE DATE')],
  ['7007', n('HARVEST DATE', 6, 12)],
  ['7008', x('AQUATIC SPECIES', 3)],
  ['7009', x('FISHING GEAR TYPE', 10)],
  ['7010', x('PROD METHOD', 2)],
  ['7020', x('REFURB LOT', 20)],
  ['7021', x('FUNC STAT', 20)],
  ['7022', x('REV STAT', 20)],
  ['7023', x('GIAI - ASSEMBLY', 30)],
  ...['7030', '7031', '7032', '7033', '7034', '7035', '7036', '7037', '7038', '7039'].map((ai): [string, AiSpec] => [ai, x('PROCESSOR #', 30, 4)]),
  ...['710', '711', '712', '713', '714', '715', '716'].map((ai): [string, AiSpec] => [ai, x(`NHRN (${ai})`, 20)]),
  ['8001', n('DIMENSIONS', 14)],
  ['8002', x('CMT No.', 20)],
  ['8003', x('GRAI', 30, 14)],
  ['8004', x('GIAI', 30)],
  ['8005', n('PRICE PER UNIT', 6)],
  ['8006', n('ITIP', 18)],
  ['8007', x('IBAN', 34)],
  ['8008', n('PROD TIME', 8, 12)],
  ['8011', n('CPID SERIAL', 1, 12)],
  ['8012', x('VERSION', 20)],
  ['8013', x('GMN', 25)],
  ['8017', n('GSRN - PROVIDER', 18, 18, { checkDigit: true })],
  ['8018', n('GSRN - RECIPIENT', 18, 18, { checkDigit: true })],
  ['8019', n('SRIN', 1, 10)],
  ['8020', x('REF. No.', 25)],
  ['8026', n('ITIP CONTENT', 18)],
  ['8110', x('COUPON (North America)', 70)],
  ['8111', n('POINTS', 4)],
  ['8112', x('PAPERLESS COUPON (North America)', 70)],
  ['8200', x('PRODUCT URL', 70)],
  ['90', x('INTERNAL', 30)],
  ...['91', '92', '93', '94', '95', '96', '97', '98', '99'].map((ai): [string, AiSpec] => [ai, x('INTERNAL', 90)]),
]);

/**
 * The AI at the start of `text`, or null when its leading digits are no AI this table knows.
 * For decimal AIs (310n) the fourth digit must be present; it becomes decimalPlaces.
 */
export function lookupAi(text: string): ResolvedAi | null {
  for (const length of [2, 3, 4]) {
    const key = text.slice(0, length);
    if (key.length < length || !/^\d+$/.test(key)) return null;
    const spec = GS1_AI_TABLE.get(key);
    if (spec === undefined) continue;
    const predefinedLength = PREDEFINED_LENGTH_PREFIXES.has(key.slice(0, 2));
    if (spec.decimals !== true) return { ai: key, spec, predefinedLength };
    const places = text.charAt(length);
    if (!/^\d$/.test(places)) return null;
    return { ai: key + places, spec, predefinedLength, decimalPlaces: Number(places) };
  }
  return null;
}
