/**
 * Registry identifier checks. Each returns an explanation when the value is invalid, or
 * undefined when it is valid.
 */

const DIGITS = /^\d+$/;

/** Luhn: the check digit makes the weighted digit sum a multiple of 10. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** US NPI: 10 digits; the Luhn check runs over the card-issuer prefix 80840 followed by the NPI. */
export function npiProblem(npi: string): string | undefined {
  if (npi.length !== 10 || !DIGITS.test(npi)) return `npi "${npi}" must be 10 digits`;
  if (!luhnValid(`80840${npi}`)) return `npi "${npi}" has a wrong check digit`;
  return undefined;
}

/** GS1 mod-10 check digit over all but the last digit: weights 3 and 1 alternating from the right. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** GS1 Global Location Number: 13 digits with a GS1 check digit. */
export function glnProblem(gln: string): string | undefined {
  if (gln.length !== 13 || !DIGITS.test(gln)) return `gln "${gln}" must be 13 digits`;
  if (gs1CheckDigit(gln.slice(0, 12)) !== gln.charCodeAt(12) - 48) return `gln "${gln}" has a wrong check digit`;
  return undefined;
}

/** X12 837 payer id (loop 2010BB NM109): 2–80 letters and digits. */
export function payerIdProblem(payerId: string): string | undefined {
  return /^[A-Za-z0-9]{2,80}$/.test(payerId) ? undefined : `payer id "${payerId}" must be 2-80 letters and digits`;
}

/** FDA NDC labeler code: 4 or 5 digits. */
export function ndcLabelerCodeProblem(code: string): string | undefined {
  return /^\d{4,5}$/.test(code) ? undefined : `ndc labeler code "${code}" must be 4 or 5 digits`;
}
