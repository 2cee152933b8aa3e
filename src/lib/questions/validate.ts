import { checkText } from '../input/text'

/** Contact details as people type them, checked on the server (the form also works without JavaScript). */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/

export const validateEmail = (value: unknown): string | true => {
  if (value !== undefined && value !== null && typeof value !== 'string') return 'Your email address must be text'
  if (typeof value !== 'string' || !value.trim()) return 'Enter your email address'
  const characters = checkText({ label: 'Your email address', value })
  if (characters !== true) return characters
  if (value.length > 254 || !EMAIL.test(value.trim())) return 'Enter an email address in the correct format, like name@example.com'
  return true
}

/** UK numbers: 01, 02, 03, 07 or 08 followed by 9 or 10 digits, with +44 or 0044 instead of the first 0. */
export const normaliseUkPhone = (value: string): string => value.replace(/[\s().-]/g, '').replace(/^(\+44|0044)/, '0')

export const validateUkPhone = (value: unknown): string | true => {
  if (value === undefined || value === null || value === '') return true
  const characters = checkText({ label: 'Your telephone number', value })
  if (characters !== true) return characters
  if (!/^0[1-9]\d{8,9}$/.test(normaliseUkPhone(value as string))) {
    return 'Enter a UK telephone number, like 01632 960 001 or 07700 900 982'
  }
  return true
}

/** The page a question was asked from: a path on this site, as the form sends it. */
export const validateSourcePath = (value: unknown): string | true => {
  if (value === undefined || value === null || value === '') return true
  const characters = checkText({ label: 'The page address', value })
  if (characters !== true) return characters
  return /^\/(?![/\\])\S*$/.test(value as string) ? true : 'Not a page on this site'
}
