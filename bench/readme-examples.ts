// The README's example outputs, from the five samples: node bin/run-ts.js bench/readme-examples.ts
import { startHarness } from '../test/api-harness.ts';
const h = await startHarness();
const show = async (q: string, v?: Record<string, unknown>) => console.log(JSON.stringify(await h.gql(q, v).then((r) => ({ data: r.data, errors: r.errors }))), '\n');
await show(`query ($of: ID!) { implementers(of: $of, filter: { province: "Trà Vinh" }, first: 10) { totalCount edges { depth node { id symbol date issuer file } path { relation evidence { section quote } } } } }`, { of: '33/CT-TTg@2021' });
await show(`{ documentsBySymbol(symbol: "217 QD TW") { id kind symbol date issuer }
  search(query: "chi thi 33 dan van", filter: { ingested: true }, first: 2) { totalCount edges { node { id symbol file } highlights { field snippet } } facets { level { value count } } } }`);
await show(`query ($of: ID!) { legalBasis(of: $of, maxDepth: 2) { depth relation from { id } to { id kind symbol date issuer } evidence { section start end quote } } }`, { of: '30/KH-UBND@2022@Trà Vinh/Cầu Ngang' });
await h.stop();
