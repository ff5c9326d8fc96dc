/**
 * Reading a number written in digits, with its separators read by context.
 *
 * Arabic news writes digits in three scripts (Western, Arabic-Indic ٠-٩, Persian ۰-۹) and
 * separates thousands and decimals with "," "." or the Arabic marks "٬" (thousands) and "٫"
 * (decimal). The Arabic marks say what they are; "," and "." must be read from the number:
 * - several separators of one kind group thousands: "7,700,000", "7.700.000";
 * - two kinds: the last is the decimal mark: "1,234.5", "1.234,5";
 * - one separator followed by other than three digits is a decimal mark: "3.5", "1,25";
 * - one "," before three digits groups thousands: "40,000";
 * - one "." before three digits is a decimal mark when the number starts with 0 ("0.002") or a
 *   scale word follows ("1.500 مليون" is one and a half million), and groups thousands
 *   otherwise ("1.500 شخص", as Maghrebi and European style writes 1,500).
 */

/** The value of a digit in any of the three scripts, or -1. */
function digitValue(u: number): number {
  if (u >= 0x30 && u <= 0x39) return u - 0x30;
  if (u >= 0x0660 && u <= 0x0669) return u - 0x0660;
  if (u >= 0x06f0 && u <= 0x06f9) return u - 0x06f0;
  return -1;
}

const GROUP_MARK = 0x066c; // ٬
const DECIMAL_MARK = 0x066b; // ٫

/**
 * Reads digits with separators as written in the record text; null when the separators
 * cannot belong to one number ("15.12.2024" is a date, "1,23,4" is nothing).
 *
 * @example
 * readDigits('7,700,000', false)  // 7700000
 * readDigits('٣٫٥', false)        // 3.5
 * readDigits('1.500', false)      // 1500
 * readDigits('1.500', true)       // 1.5 (a scale word follows: "1.500 مليون")
 */
export function readDigits(surface: string, scaleFollows: boolean): number | null {
  const groups: string[] = [''];
  const seps: number[] = [];
  for (let k = 0; k < surface.length; k++) {
    const u = surface.charCodeAt(k);
    const d = digitValue(u);
    if (d >= 0) groups[groups.length - 1] += String(d);
    else if (u === 0x2c || u === 0x2e || u === GROUP_MARK || u === DECIMAL_MARK) {
      seps.push(u);
      groups.push('');
    } else return null;
  }
  if (groups.some((g) => g.length === 0)) return null;
  if (seps.length === 0) return Number(groups[0]);

  let decimalAt = -1; // index of the separator that is the decimal mark
  const explicitDecimal = seps.indexOf(DECIMAL_MARK);
  if (explicitDecimal >= 0) {
    if (seps.lastIndexOf(DECIMAL_MARK) !== explicitDecimal || explicitDecimal !== seps.length - 1) return null;
    decimalAt = explicitDecimal;
  } else {
    const kinds = new Set(seps.map((u) => (u === GROUP_MARK ? 0x2c : u)));
    if (kinds.size > 1) {
      // "1,234.5" / "1.234,5": the last separator is the decimal mark, and it appears once
      const last = seps[seps.length - 1]!;
      if (last === GROUP_MARK || seps.indexOf(last) !== seps.length - 1) return null;
      decimalAt = seps.length - 1;
    } else if (seps.length === 1 && !seps.includes(GROUP_MARK)) {
      const after = groups[1]!;
      const sep = seps[0]!;
      if (after.length !== 3) decimalAt = 0;
      else if (sep === 0x2e && (groups[0]!.startsWith('0') || scaleFollows)) decimalAt = 0;
    }
  }
  const intGroups = decimalAt >= 0 ? groups.slice(0, decimalAt + 1) : groups;
  // Thousands groups after the first have exactly three digits.
  for (let k = 1; k < intGroups.length; k++) if (intGroups[k]!.length !== 3) return null;
  const integer = intGroups.join('');
  const fraction = decimalAt >= 0 ? groups[decimalAt + 1]! : '';
  return Number(fraction ? `${integer}.${fraction}` : integer);
}
