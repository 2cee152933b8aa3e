/** A full http(s) address, or empty. */
export const validateUrl = (value: unknown): string | true => {
  if (value === undefined || value === null || value === '') return true
  try {
    const url = new URL(String(value))
    return url.protocol === 'https:' || url.protocol === 'http:' ? true : 'Enter a web address starting with https://'
  } catch {
    return 'Enter a full web address, e.g. https://www.nhs.uk/'
  }
}
