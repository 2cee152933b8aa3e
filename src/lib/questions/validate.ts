/** Contact details as people type them, checked on the server (the form also works without JavaScript). */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/

export const validateEmail = (value: unknown): string | true => {
  if (typeof value !== 'string' || !value.trim()) return 'Enter your email address'
  if (value.length > 254 || !EMAIL.test(value.trim())) return 'Enter an email address in the correct format, like name@example.com'
  return true
}

/** UK numbers: 01, 02, 03, 07 or 08 followed by 9 or 10 digits, with +44 or 0044 instead of the first 0. */
export const normaliseUkPhone = (value: string): string => value.replace(/[\s().-]/g, '').replace(/^(\+44|0044)/, '0')

export const validateUkPhone = (value: unknown): string | true => {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string' || !/^0[1-9]\d{8,9}$/.test(normaliseUkPhone(value))) {
    return 'Enter a UK telephone number, like 01632 960 001 or 07700 900 982'
  }
  return true
}

/** Required text with NHS.UK-style messages ("Enter your …") instead of a generic "required". */
export const validateText =
  ({ label, max, min = 1 }: { label: string; max: number; min?: number }) =>
  (value: unknown): string | true => {
    const text = typeof value === 'string' ? value.trim() : ''
    if (!text) return `Enter your ${label}`
    if (text.length < min) return `Your ${label} must be at least ${min} characters`
    if (text.length > max) return `Your ${label} must be ${max} characters or fewer`
    return true
  }
