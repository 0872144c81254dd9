/*
 * Folding text for search: lower case, Vietnamese diacritics removed, đ -> d, spaces collapsed,
 * so "ca phe sua" finds "Cà phê sữa". Stored beside names (searchName), and split into words
 * (searchWordsOf) for the catalog's word index, so a lookup by any word of a name uses an index.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;
/** Anything that is not a letter, a mark or a digit ends a word: spaces, punctuation, "/", "-", "(". */
const WORD_SEPARATORS = /[^\p{L}\p{M}\p{N}]+/u;

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

/** The distinct words of text that is already folded (a product's searchName), in order of appearance. */
export function wordsOfFolded(folded: string): string[] {
  const words: string[] = [];
  for (const word of folded.split(WORD_SEPARATORS)) {
    if (word !== '' && !words.includes(word)) words.push(word);
  }
  return words;
}

/** The distinct folded words of a name or of what the cashier typed: "Cà phê sữa (hộp)" -> ca, phe, sua, hop. */
export function searchWordsOf(text: string): string[] {
  return wordsOfFolded(foldForSearch(text));
}

/**
 * Whether a product with these (folded) words matches what was typed: every typed word is the start of
 * some word of the name, in any order, so "sua ca" and "ca ph" both find "Cà phê sữa".
 */
export function matchesEveryWord(productWords: readonly string[], typedWords: readonly string[]): boolean {
  return typedWords.every((typed) => productWords.some((word) => word.startsWith(typed)));
}

/**
 * The typed word to look up on the word index: the longest, as it narrows the index range the most
 * (the other words are then checked on the rows found). undefined when nothing searchable was typed.
 */
export function narrowestWord(typedWords: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const word of typedWords) if (best === undefined || word.length > best.length) best = word;
  return best;
}
