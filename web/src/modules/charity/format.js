// Fen shown as yuan: 123456 -> "1,234.56". Integer arithmetic only (no floating point).
export function yuan(fen) {
  const negative = fen < 0;
  const v = Math.abs(fen);
  const whole = Math.floor(v / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(v % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${cents}`;
}
