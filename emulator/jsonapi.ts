/**
 * JSON:API answers: documents, error objects and pagination, shaped like HCP Terraform's. It knows no resource, so
 * every module may import it.
 */

export const JSON_API = 'application/vnd.api+json';

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function document(status: number, content: unknown): Reply {
  return { status, headers: { 'Content-Type': JSON_API }, body: JSON.stringify(content) };
}

export function noContent(): Reply {
  return { status: 204, headers: {}, body: '' };
}

export function error(status: number, title: string, detail?: string, pointer?: string): Reply {
  const entry = {
    status: String(status),
    title,
    ...(detail === undefined ? {} : { detail }),
    ...(pointer ? { source: { pointer } } : {}),
  };
  return document(status, { errors: [entry] });
}

/** Unknown, and forbidden to this caller, look alike: "forbidden requests with a valid token result in a 404". */
export function notFound(): Reply {
  return error(404, 'not found');
}

/** The shape of the one documented validation error (duplicate description). */
export function invalid(detail: string, attribute: string): Reply {
  return error(422, 'invalid attributes', `Validation failed: ${detail}`, `/data/attributes/${attribute}`);
}

/**
 * One page of `items` as a list document: `page[size]` defaults to 20 and is capped at 100, links are absolute and
 * keep the request's other parameters.
 */
export function page<T>(items: readonly T[], query: URLSearchParams, url: URL, render: (item: T) => object): Reply {
  const size = Math.min(positive(query.get('page[size]')) ?? 20, 100);
  const number = positive(query.get('page[number]')) ?? 1;
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const link = (target: number | null): string | null => {
    if (target === null) return null;
    const next = new URL(url);
    next.searchParams.set('page[number]', String(target));
    next.searchParams.set('page[size]', String(size));
    return next.toString();
  };
  const prev = number > 1 ? Math.min(number - 1, totalPages) : null;
  const next = number < totalPages ? number + 1 : null;
  return document(200, {
    data: items.slice((number - 1) * size, number * size).map(render),
    links: { self: link(number), first: link(1), prev: link(prev), next: link(next), last: link(totalPages) },
    meta: {
      pagination: {
        'current-page': number,
        'page-size': size,
        'prev-page': prev,
        'next-page': next,
        'total-pages': totalPages,
        'total-count': items.length,
      },
    },
  });
}

function positive(value: string | null): number | null {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number > 0 ? number : null;
}
