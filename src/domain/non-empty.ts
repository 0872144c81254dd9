/*
 * Lists that hold at least one item, as a sale's lines must (sales.json minItems 1, typed as a tuple
 * [first, ...rest]): the check that proves it to the type checker, and a map that keeps it proved.
 */

export type NonEmpty<T> = [T, ...T[]];

export function isNonEmpty<T>(items: readonly T[]): items is readonly [T, ...T[]] {
  return items.length > 0;
}

/** items.map(each), typed as still holding at least one item. */
export function mapNonEmpty<T, U>(items: readonly [T, ...T[]], each: (item: T, index: number) => U): NonEmpty<U> {
  const [first, ...rest] = items;
  return [each(first, 0), ...rest.map((item, index) => each(item, index + 1))];
}
