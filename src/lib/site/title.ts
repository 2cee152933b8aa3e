/** A page's whole document title, as the site layout's title template writes it. */
export const documentTitle = ({ siteName, title }: { siteName: string; title: string }): string => `${title} – ${siteName}`

/** The NHS.UK error pattern's page title: "Error: " first while the page shows errors. */
export const errorTitle = ({ errors, title }: { errors: boolean; title: string }): string => (errors ? `Error: ${title}` : title)
