import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LANGUAGES } from './i18n.js';

export function Layout() {
  const { t, i18n } = useTranslation();
  return (
    <>
      <header>
        <h1>{t('app.title')}</h1>
        <p>{t('app.tagline')}</p>
        <label>
          {t('language')}{' '}
          <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
            {Object.entries(LANGUAGES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        <Outlet />
      </main>
    </>
  );
}
