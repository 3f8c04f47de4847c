/** Entry point: the page shell and the hash router. */
import './styles.css';
import { ApiError } from './api.ts';
import { dropEarly } from './early.ts';
import { documentPage } from './pages/document.ts';
import { implementersPage } from './pages/implementers.ts';
import { searchPage } from './pages/search.ts';
import { tracePage } from './pages/trace.ts';
import { parseRoute, type Page, type Route } from './route.ts';
import { message, type View } from './ui.ts';

const PAGES: Record<Page, (route: Route) => Promise<View>> = {
  search: searchPage,
  doc: documentPage,
  implementers: implementersPage,
  trace: tracePage,
};

const main = document.getElementById('main')!;
let renderCount = 0;

async function render(): Promise<void> {
  const mine = ++renderCount;
  const route = parseRoute(location.hash);
  main.setAttribute('aria-busy', 'true');
  let view: View;
  try {
    view = await PAGES[route.page](route);
  } catch (err) {
    const text = err instanceof ApiError ? err.message : `Lỗi không mong đợi: ${(err as Error).message}`;
    view = { title: 'Lỗi', node: message(text, 'error') };
    if (!(err instanceof ApiError)) console.error(err);
  }
  dropEarly(); // the boot script's requests were for the first render only
  if (mine !== renderCount) return; // a newer navigation won
  document.title = `${view.title} · Căn cứ`;
  main.replaceChildren(view.node);
  main.removeAttribute('aria-busy');
  main.dataset.page = route.page;
  window.scrollTo(0, 0);
  await view.mounted?.();
  if (mine !== renderCount) return;
  main.dataset.ready = String(mine);
  performance.mark('cancu:ready', { detail: route.page }); // read by bench/ui-timing.ts
}

// The skip link must not change the hash, which holds the route.
document.querySelector('.skip-link')?.addEventListener('click', (ev) => {
  ev.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', () => void render());
void render();
