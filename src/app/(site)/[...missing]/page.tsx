import { notFound } from 'next/navigation'

// Unknown addresses get the site's own 404 page inside the NHS.UK layout, not the framework default.
const Missing = () => notFound()

export default Missing
