/** 0.3333 -> "33.3%". */
export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A p-value as a reader compares it with 0.05 or 0.01: four significant digits, "< 0.0001" below. */
export const formatPValue = (p: number) => (p < 1e-4 ? '< 0.0001' : p.toPrecision(4));

/** An expected count: whole when whole, else one decimal. */
export const formatExpected = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** A probability as a short decimal ("0.5", "0.3333"). */
export const shortDecimal = (x: number) => String(Number(x.toFixed(4)));
