// Synthetic personal numbers for the privacy tests: valid by their check digits, belonging to nobody.

/** A synthetic ID number: these 17 digits and the check digit GB 11643 gives them. */
export function idNumber(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
/** A synthetic card number: these digits and the Luhn digit that completes them. */
// Computed here, not with the scanner's own luhn(): a wrong Luhn in the code would otherwise make the numbers it accepts.
export function cardNumber(body: string): string {
  const sum = [...body].reverse().reduce((s, c, i) => {
    const d = Number(c) * (i % 2 === 0 ? 2 : 1);
    return s + (d > 9 ? d - 9 : d);
  }, 0);
  return body + ((10 - (sum % 10)) % 10);
}
