// Synthetic personal numbers for the privacy tests: valid by their check digits, belonging to nobody.
import { luhn } from '../../src/rules/utils/personal-data.js';

/** A synthetic ID number: these 17 digits and the check digit GB 11643 gives them. */
export function idNumber(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
/** A synthetic card number: these digits and the Luhn digit that completes them. */
export function cardNumber(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhn(body + d)) return body + d;
  throw new Error('unreachable');
}
