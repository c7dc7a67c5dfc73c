const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const money0 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-US');

export const formatMoney = (n: number | null | undefined) => (n == null ? '—' : money.format(n));
export const formatMoneyShort = (n: number | null | undefined) => (n == null ? '—' : money0.format(n));
export const formatCount = (n: number | null | undefined) => (n == null ? '—' : count.format(n));
/** A count with its noun: 1 line, 2 lines. */
export const formatCountOf = (n: number, noun: string) => `${count.format(n)} ${noun}${n === 1 ? '' : 's'}`;
export const formatPercent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '—');


const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** '2026-03' → 'Mar 2026' */
export const formatMonth = (ym: string) => `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

/** M5450 → M54.50 (codes are stored without the dot, as in X12). */
export const formatIcd = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);
