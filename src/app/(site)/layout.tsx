import type { Metadata } from 'next'

import React from 'react'

import { HOME, LOGIN, LOGOUT, SEARCH, STYLESHEET, UPDATES_FEED } from '@/lib/routes'
import { siteOrigin } from '@/lib/site/urls'
import { currentViewer, siteSettings } from '@/lib/site/viewer'

export const generateMetadata = async (): Promise<Metadata> => {
  const { siteName } = await siteSettings()
  return {
    alternates: { types: { 'application/atom+xml': UPDATES_FEED } },
    metadataBase: new URL(siteOrigin()),
    openGraph: { locale: 'en_GB', siteName, type: 'website' },
    title: { default: siteName, template: `%s – ${siteName}` },
  }
}

const SiteLayout = async ({ children }: { children: React.ReactNode }) => {
  const { user } = await currentViewer()
  const { disclaimer, footer, header, siteName } = await siteSettings()
  return (
    <html lang="en-GB">
      <head>
        <link href={STYLESHEET} rel="stylesheet" />
      </head>
      <body>
        <a className="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <header className="nhsuk-header" role="banner">
          <div className="nhsuk-header__container nhsuk-width-container">
            <div className="nhsuk-header__service">
              <a className="nhsuk-header__service-logo" href={HOME}>
                <span className="nhsuk-header__service-name">{siteName}</span>
              </a>
            </div>
            <search className="nhsuk-header__search">
              <form action={SEARCH} className="nhsuk-header__search-form" id="search" method="get">
                <label className="nhsuk-u-visually-hidden" htmlFor="header-search">
                  Search this site
                </label>
                <input
                  autoComplete="off"
                  className="nhsuk-header__search-input nhsuk-input"
                  id="header-search"
                  name="q"
                  placeholder="Search"
                  type="search"
                />
                <button className="nhsuk-header__search-submit" type="submit">
                  <span className="nhsuk-u-visually-hidden">Search</span>
                  <svg
                    aria-hidden="true"
                    className="nhsuk-icon nhsuk-icon--search"
                    focusable="false"
                    height="24"
                    viewBox="0 0 24 24"
                    width="24"
                  >
                    <path d="m20.7 19.3-4.1-4.1a7 7 0 1 0-1.4 1.4l4 4.1a1 1 0 0 0 1.5 0c.4-.4.4-1 0-1.4ZM6 11a5 5 0 1 1 10 0 5 5 0 0 1-10 0Z" />
                  </svg>
                </button>
              </form>
            </search>
            <div className="nhsuk-header__account">
              <ul className="nhsuk-header__account-list">
                {user ? (
                  <li className="nhsuk-header__account-item">
                    <form action={LOGOUT} method="post">
                      <button className="nhsuk-header__account-button" type="submit">
                        Sign out
                      </button>
                    </form>
                  </li>
                ) : (
                  <li className="nhsuk-header__account-item">
                    <a className="nhsuk-header__account-link" href={LOGIN}>
                      Professional sign in
                    </a>
                  </li>
                )}
              </ul>
            </div>
          </div>
          {header.length ? (
            <nav aria-label="Menu" className="nhsuk-header__navigation">
              <div className="nhsuk-header__navigation-container nhsuk-width-container">
                <ul className="nhsuk-header__navigation-list">
                  {header.map((link) => (
                    <li className="nhsuk-header__navigation-item" key={link.href}>
                      <a className="nhsuk-header__navigation-link" href={link.href}>
                        {link.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            </nav>
          ) : null}
        </header>
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            {children}
          </main>
        </div>
        <footer className="nhsuk-footer" role="contentinfo">
          <div className="nhsuk-footer__container nhsuk-width-container">
            <h2 className="nhsuk-u-visually-hidden">Support links</h2>
            {footer.length ? (
              <ul className="nhsuk-footer__list">
                {footer.map((link) => (
                  <li className="nhsuk-footer__list-item" key={link.href}>
                    <a className="nhsuk-footer__list-item-link" href={link.href}>
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="nhsuk-body-s">{disclaimer}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}

export default SiteLayout
