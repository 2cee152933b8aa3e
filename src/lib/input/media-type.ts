/** The media type of a Content-Type header, without parameters and in lower case ('' when absent). */
export const mediaType = (header: null | string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase()
