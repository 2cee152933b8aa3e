import type { Metadata } from 'next'

import config from '@payload-config'
import { getPayload } from 'payload'
import React from 'react'

import { readSiteSettings } from '@/lib/site/settings'

export const generateMetadata = async (): Promise<Metadata> => {
  const { siteName } = await readSiteSettings({ payload: await getPayload({ config }) })
  return { title: { default: siteName, template: `%s – ${siteName}` } }
}

const SiteLayout = async ({ children }: { children: React.ReactNode }) => {
  const { disclaimer, siteName } = await readSiteSettings({ payload: await getPayload({ config }) })
  return (
    <html lang="en-GB">
      <head>
        <link href="/assets/nhsuk-frontend.min.css" rel="stylesheet" />
      </head>
      <body>
        <a className="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <header className="nhsuk-header" role="banner">
          <div className="nhsuk-header__container nhsuk-width-container">
            <div className="nhsuk-header__service">
              <a className="nhsuk-header__service-logo" href="/">
                <span className="nhsuk-header__service-name">{siteName}</span>
              </a>
            </div>
          </div>
        </header>
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            {children}
          </main>
        </div>
        <footer className="nhsuk-footer" role="contentinfo">
          <div className="nhsuk-width-container">
            <p className="nhsuk-body-s">{disclaimer}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}

export default SiteLayout
