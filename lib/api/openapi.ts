import { z } from "zod";
import {
  developmentListQuery,
  developmentPageSchema,
  errorSchema,
  languageQuery,
  negotiationListQuery,
  negotiationListSchema,
  negotiationSchema,
} from "./schemas";
import { openApiWebhooks } from "./webhook-schemas";

function parameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: "input" }) as { properties: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

/** Used only when the URL has no `?lang=`; such answers carry `Vary: Accept-Language`. */
const acceptLanguage = {
  name: "Accept-Language",
  in: "header",
  required: false,
  description: "Used only without `?lang=`: the preferred of en and ar (default en). `?lang=` wins.",
  schema: { type: "string" },
};

const languageHeaders = {
  "Content-Language": { description: "The language asked for: en or ar", schema: { type: "string" } },
  Vary: {
    description:
      "`Accept-Encoding, Accept-Language` when Accept-Language chose the language; `Accept-Encoding` for a `?lang=` URL",
    schema: { type: "string" },
  },
};

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema: z.toJSONSchema(schema, { io: "output" }) } },
});
const localizedJson = (schema: z.ZodType, description: string) => ({
  ...json(schema, description),
  headers: languageHeaders,
});
const errors = { "400": json(errorSchema, "Bad parameters"), "404": json(errorSchema, "Not found") };
const slug = { name: "slug", in: "path", required: true, schema: { type: "string" } };

/** OpenAPI 3.1, generated from the zod schemas the routes validate with. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Parley public read API",
      version: "1.0.0",
      description:
        "Published negotiations, terms, developments and figures. Public fields only; dates are ISO 8601 with an explicit precision. Responses carry ETag and Last-Modified; send If-None-Match to get 304 when nothing changed. Editorial texts come in English or Arabic: `?lang=en|ar`, or Accept-Language when the URL has no `lang` (the answer then varies by that header); each object's `languages` says which language each of its texts is in, since untranslated texts stay English. Partner newsrooms registered by Parley's admins also receive the signed messages under `webhooks`.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    paths: {
      "/negotiations": {
        get: {
          summary: "List published negotiations",
          parameters: [...parameters(negotiationListQuery), acceptLanguage],
          responses: {
            "200": localizedJson(negotiationListSchema, "A page of negotiations"),
            "304": { description: "Not modified" },
            ...errors,
          },
        },
      },
      "/negotiations/{slug}": {
        get: {
          summary: "One negotiation with current terms, terms history, participants, stage history and figures",
          parameters: [slug, ...parameters(languageQuery), acceptLanguage],
          responses: {
            "200": localizedJson(negotiationSchema, "The negotiation"),
            "304": { description: "Not modified" },
            ...errors,
          },
        },
      },
      "/negotiations/{slug}/developments": {
        get: {
          summary: "A negotiation's developments with their citations",
          parameters: [slug, ...parameters(developmentListQuery), acceptLanguage],
          responses: {
            "200": localizedJson(developmentPageSchema, "A page of developments"),
            "304": { description: "Not modified" },
            ...errors,
          },
        },
      },
      "/negotiations/{slug}/events": {
        get: {
          summary: "Server-Sent Events: a `change` event whenever staff change this negotiation",
          description:
            "A text/event-stream that stays open. Each `change` event has an `id:` (send it back as Last-Event-ID to resume; browsers' EventSource does) and JSON data `{ negotiationId, resync? }`: refetch the negotiation or its developments. `resync: true` means the server may have missed changes. A `: heartbeat` comment every 15 s keeps idle connections open. Each server allows a limited number of streams; over it the answer is 503 with Retry-After: poll `/developments` with If-None-Match instead.",
          parameters: [slug, { name: "Last-Event-ID", in: "header", required: false, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "The event stream",
              content: { "text/event-stream": { schema: { type: "string" } } },
            },
            "404": json(errorSchema, "No published negotiation has this slug"),
            "503": json(
              errorSchema,
              "Too many open streams on this server (Retry-After given), or the database is unavailable",
            ),
          },
        },
      },
    },
    webhooks: openApiWebhooks(),
  };
}
