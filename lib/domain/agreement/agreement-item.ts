import { AgreementInputError } from "./agreement-input-error";

/**
 * One rated unit (a recording or a region of one) and the category each
 * annotator gave it, keyed by rater id. A rater who did not rate the item is
 * simply absent, so items may carry any number of ratings.
 */
export interface AgreementItem {
  readonly itemId: string;
  readonly ratings: ReadonlyMap<string, string>;
}

/**
 * Why a coefficient is null rather than a number:
 * - "no-data": nothing to compare (the raters share no item, or no item has two ratings);
 * - "single-category": every rating compared falls in one category (for a
 *   one-vs-rest coefficient, all on one side), so agreement by chance is
 *   certain and the coefficient is 0/0. We report null rather than 1 because
 *   such data say nothing about whether the raters could tell categories apart.
 */
export type AgreementUndefinedReason = "no-data" | "single-category";

/** An item's ratings as indices into the category list, raters in ascending id order. */
export interface CodedItem {
  readonly itemId: string;
  readonly raterIds: readonly string[];
  readonly codes: readonly number[];
}

/** Code-unit order, so results sort the same in every locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Validates the input every coefficient shares and turns category names into
 * indices once. Throws AgreementInputError for a category listed twice, an item
 * id used twice, or a rating outside `categories`.
 */
export function codeItems(items: readonly AgreementItem[], categories: readonly string[]): CodedItem[] {
  const index = indexCategories(categories);
  const seen = new Set<string>();
  return items.map((item) => {
    if (seen.has(item.itemId)) {
      throw new AgreementInputError(`item "${item.itemId}" appears twice; merge its ratings into one item`);
    }
    seen.add(item.itemId);
    const entries = [...item.ratings];
    if (entries.length > 1) entries.sort((x, y) => compareIds(x[0], y[0]));
    const raterIds: string[] = [];
    const codes: number[] = [];
    for (const [raterId, category] of entries) {
      const code = index.get(category);
      if (code === undefined) {
        throw new AgreementInputError(
          `item "${item.itemId}": rater "${raterId}" gave "${category}", which is not one of the ${categories.length} categories (${categories.join(", ")}); map it to one of them first`,
        );
      }
      raterIds.push(raterId);
      codes.push(code);
    }
    return { itemId: item.itemId, raterIds, codes };
  });
}

function indexCategories(categories: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  categories.forEach((category, position) => {
    if (index.has(category)) throw new AgreementInputError(`the category list names "${category}" twice`);
    index.set(category, position);
  });
  return index;
}
