/**
 * The app's frame: the header with the views and the language switch, and the view the
 * address names. Arabic, right to left, by default; the choice of English is remembered.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { I18nContext, makeI18n, type Lang } from './i18n.js';
import { filtersOf, href, useRoute, type View } from './router.js';
import { useStats, ViewBoundary } from './components.js';
import { ArticleView } from './views/ArticleView.js';
import { EntityView } from './views/EntityView.js';
import { EventsView } from './views/EventsView.js';
import { FiguresView } from './views/FiguresView.js';
import { MapView } from './views/MapView.js';
import { NetworkView } from './views/NetworkView.js';
import { SearchView } from './views/SearchView.js';
import { TimelineView } from './views/TimelineView.js';

const NAV: readonly (View & keyof ReturnType<typeof makeI18n>['t'])[] = ['search', 'events', 'map', 'timeline', 'network', 'figures'];

function storedLang(): Lang {
  try {
    return localStorage.getItem('marsad.lang') === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

export function App() {
  const [lang, setLang] = useState<Lang>(storedLang);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const route = useRoute();
  const filters = filtersOf(route.params);
  const stats = useStats().data;
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    document.title = `${i18n.t.appName} · ${lang === 'ar' ? 'Marsad' : 'مرصد'}`;
    try {
      localStorage.setItem('marsad.lang', lang);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }, [lang]);
  const { t } = i18n;
  // Views that filter keep the filters when the user moves between them.
  const keep = Object.fromEntries(Object.entries(filters));
  let body;
  switch (route.view) {
    case 'doc':
      body = <ArticleView id={route.id ?? ''} event={route.params.get('event')} focus={route.params.get('focus')} />;
      break;
    case 'entity':
      body = <EntityView id={route.id ?? ''} />;
      break;
    case 'events':
      body = <EventsView filters={filters} params={route.params} />;
      break;
    case 'map':
      body = <MapView filters={filters} />;
      break;
    case 'timeline':
      body = <TimelineView filters={filters} />;
      break;
    case 'network':
      body = <NetworkView filters={filters} />;
      break;
    case 'figures':
      body = <FiguresView filters={filters} params={route.params} />;
      break;
    default:
      body = <SearchView filters={filters} params={route.params} />;
  }
  return (
    <I18nContext.Provider value={i18n}>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t.skip}</a>
      <header class="top">
        <a class="brand" href={href('search')}>
          <strong>{t.appName}</strong>
          <span>{t.tagline}</span>
        </a>
        <nav class="views" aria-label="views">
          {NAV.map((v) => (
            <a key={v} href={href(v, null, keep)} aria-current={route.view === v ? 'page' : undefined}>{t[v] as string}</a>
          ))}
        </nav>
        <div class="meta">
          {stats && <span class="counts">{t.stats(stats.documents, stats.events)}</span>}
          <button type="button" class="lang" lang={lang === 'ar' ? 'en' : 'ar'} aria-label={t.languageLabel} onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')}>
            {t.language}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} class={`view-${route.view}`}><ViewBoundary key={`${route.view}/${route.id ?? ''}`}>{body}</ViewBoundary></main>
    </I18nContext.Provider>
  );
}
