/**
 * Inlined at the top of index.html by the build (vite.config.ts): runs while the HTML is
 * parsed, before the app's bundle has even been fetched, and sends the page's first request
 * so that the server works while the browser loads and evaluates the app (early.ts).
 * On the trace page it also starts fetching Cytoscape.js.
 */
import { sendEarly } from './early.ts';
import { firstRequest, usesProvinces } from './requests.ts';
import { parseRoute } from './route.ts';

/** The Cytoscape chunk's URL, set by the build (empty when unknown). */
declare const __CANCU_CYTOSCAPE__: string;

const route = parseRoute(location.hash);
const request = firstRequest(route);
if (request) sendEarly('graphql', JSON.stringify(request));
if (usesProvinces(route.page)) sendEarly('provinces.json');
if (route.page === 'trace' && __CANCU_CYTOSCAPE__) {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = __CANCU_CYTOSCAPE__;
  document.head.append(link);
}
performance.mark('cancu:early');
