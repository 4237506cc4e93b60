/** POSTs one GraphQL operation as JSON (no preflight-only header needed) and returns `data`, or throws the first error. */
export async function gql<T>(endpoint: string, query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new Error(`The API at ${endpoint} answered ${response.status} without JSON; is it a coauthor-graph /graphql endpoint?`);
  }
  if (body.errors?.length) throw new Error(body.errors[0].message);
  if (!body.data) throw new Error(`The API at ${endpoint} answered ${response.status} without data.`);
  return body.data;
}
