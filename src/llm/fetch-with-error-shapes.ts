/**
 * `fetch` for the openai SDK that rewrites the error bodies of servers which do not nest their
 * message under `error` (older vLLM: `{"object":"error","message":…}`; FastAPI gateways:
 * `{"detail":…}`) into OpenAI's shape, so the SDK keeps the server's message instead of "400
 * status code (no body)". Successful answers pass through untouched.
 */
export async function fetchWithErrorShapes(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const response = await fetch(input, init);
  if (response.ok) return response;
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  return new Response(openAiShaped(text), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

function openAiShaped(text: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body) || "error" in body) return text;
  const { message, detail, type, code } = body as Record<string, unknown>;
  const said = typeof message === "string" ? message : typeof detail === "string" ? detail : undefined;
  if (said === undefined) return text;
  return JSON.stringify({ error: { message: said, type: type ?? null, code: code ?? null } });
}
