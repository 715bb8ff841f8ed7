import { LOCALE } from "../../domain/time/format.ts";

/** Stored amounts are in the currency's minor unit (cents); JPY and similar have none. */
export function formatMoney(minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat(LOCALE, { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

export function Money({ minorUnits, currency }: { minorUnits: number; currency: string }) {
  if (minorUnits === 0) return <span class="money">Free</span>;
  return <span class="money">{formatMoney(minorUnits, currency)}</span>;
}
