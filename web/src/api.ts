/** The one door to the server: POST /graphql with JSON (Apollo's CSRF prevention accepts it). */

export class ApiError extends Error {}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch('graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('Không kết nối được máy chủ.');
  }
  let body: { data?: T; errors?: { message: string }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`Máy chủ trả lời không hợp lệ (HTTP ${res.status}).`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!res.ok || !body.data) throw new ApiError(`Máy chủ báo lỗi (HTTP ${res.status}).`);
  return body.data;
}
