/** All money in the generator is integer cents: sums and balancing are exact. */
export type Cents = number;

export const dollars = (amount: number): Cents => Math.round(amount * 100);

/** rate × amount, rounded half away from zero to the cent. */
export function share(amount: Cents, rate: number): Cents {
  const exact = amount * rate;
  return Math.sign(exact) * Math.round(Math.abs(exact) + 1e-9);
}

export const sum = (values: readonly Cents[]): Cents => values.reduce((a, b) => a + b, 0);

/** '1234.56', '-12.00'. */
export function decimal(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Export style: '$1,234.56', negatives in parentheses '(12.00)'. */
export function usd(cents: Cents): string {
  const [whole, fraction] = decimal(Math.abs(cents)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents < 0 ? `(${grouped}.${fraction})` : `$${grouped}.${fraction}`;
}
