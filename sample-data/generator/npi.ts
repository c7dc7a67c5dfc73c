/**
 * NPI check digit: Luhn (ISO/IEC 7812 "double-add-double") over the 9 identifying
 * digits prefixed with 80840 (80 health applications, 840 United States).
 * Source: CMS, "Requirements for NPI Check Digit" (NPI final rule, 69 FR 3434, 2004-01-23).
 */
function npiCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) throw new Error(`NPI base must be 9 digits: ${nineDigits}`);
  const digits = `80840${nineDigits}`;
  let total = 0;
  // Double every second digit from the right, the check digit position being the first.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let n = Number(digits[i]);
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    total += n;
  }
  return (10 - (total % 10)) % 10;
}

export const makeNpi = (nineDigits: string) => `${nineDigits}${npiCheckDigit(nineDigits)}`;
