/** The one door to the server: POST /graphql with JSON (Apollo's CSRF prevention accepts it). */
import { send, takeEarly } from './early.ts';
import type { GqlRequest } from './requests.ts';

export class ApiError extends Error {}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  // Same shape as requests.ts's GqlRequest, so the body matches the boot script's early request byte for byte.
  const body = JSON.stringify({ query, variables } satisfies GqlRequest);
  let res: Response;
  try {
    // An early request that failed is sent again.
    res = await (takeEarly('graphql', body)?.catch(() => send('graphql', body)) ?? send('graphql', body));
  } catch {
    throw new ApiError('Không kết nối được máy chủ.');
  }
  let data: { data?: T; errors?: { message: string }[] };
  try {
    data = await res.json();
  } catch {
    throw new ApiError(`Máy chủ trả lời không hợp lệ (HTTP ${res.status}).`);
  }
  if (data.errors?.length) throw new ApiError(data.errors.map((e) => e.message).join('; '));
  if (!res.ok || !data.data) throw new ApiError(`Máy chủ báo lỗi (HTTP ${res.status}).`);
  return data.data;
}

/** Send a page's request (requests.ts). */
export function request<T>(r: GqlRequest): Promise<T> {
  return gql<T>(r.query, r.variables);
}
