/** A whole number of at least 1, or empty. */
export const validateWholeNumber = (value: unknown): string | true =>
  value === null || value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 1)
    ? true
    : 'Enter a whole number, 1 or more.'
