import config from '@payload-config'
import { getPayload } from 'payload'

import { readSiteSettings } from '@/lib/site/settings'

// Content reads happen per request until the content model adds cached, revalidated pages.
export const dynamic = 'force-dynamic'

const HomePage = async () => {
  const { siteName } = await readSiteSettings({ payload: await getPayload({ config }) })
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{siteName}</h1>
        <p className="nhsuk-lede-text">
          Guidance, commissioning tips, network updates and governance from the diabetes clinical network.
        </p>
      </div>
    </div>
  )
}

export default HomePage
