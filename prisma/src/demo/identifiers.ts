// Check digits of the identifiers the identity module registers (DESIGN.md §3).

/** Luhn check digit for the digits given (the check digit itself not included). */
export function luhnCheckDigit(digits: string): number {
  assertDigits(digits, "luhnCheckDigit");
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counting leftwards from the one next to the check digit.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** CMS: the NPI check digit is the Luhn digit of "80840" followed by the first nine digits. */
export function npiCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine))
    throw new TypeError(`npiCheckDigit needs 9 digits, got ${JSON.stringify(firstNine)}`);
  return luhnCheckDigit(`80840${firstNine}`);
}

export function isValidNpi(value: string): boolean {
  // Type 1 (individual) and type 2 (organisation) NPIs start with 1 or 2.
  return /^[12]\d{9}$/.test(value) && npiCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/** GS1 mod-10: weights 3 and 1 alternate leftwards from the digit next to the check digit. */
export function gs1CheckDigit(digits: string): number {
  assertDigits(digits, "gs1CheckDigit");
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidGln(value: string): boolean {
  return /^\d{13}$/.test(value) && gs1CheckDigit(value.slice(0, 12)) === Number(value[12]);
}

/** FDA labeler codes in current NDCs are five digits (older four-digit ones are zero-padded). */
export function isValidNdcLabelerCode(value: string): boolean {
  return /^\d{5}$/.test(value);
}

/** Clearinghouse payer ids: five upper-case letters or digits. */
export function isValidPayerId(value: string): boolean {
  return /^[A-Z0-9]{5}$/.test(value);
}

function assertDigits(digits: string, fn: string): void {
  if (!/^\d+$/.test(digits))
    throw new TypeError(`${fn} needs a string of digits, got ${JSON.stringify(digits)}`);
}
