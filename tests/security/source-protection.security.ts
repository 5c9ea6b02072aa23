// Source protection: markers planted in every confidential field and every
// draft (markers.ts, plus a few through the real app below) must never appear
// in anything an anonymous reader can fetch, nor in staff refusals.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { HttpSession } from "../harness/staff-client";
import { crawl, fetchRaw, leakedMarkers, type Fetched } from "./crawl";
import { newMarker, type Marker } from "./markers";
import { record } from "./tally";

const baseUrl = inject("baseUrl");
const staff = inject("staff");
const planted = inject("planted");
const markers: Marker[] = [...planted.markers];
const seedSlug = planted.public.negotiationSlug;

/** Every route file under app/api/v1, as a URL path with each [param] named. */
function apiRouteTemplates(dir = "app/api/v1", prefix = "/api/v1"): string[] {
  const templates: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      templates.push(...apiRouteTemplates(full, `${prefix}/${name.replace(/^\[(.+)\]$/, "{$1}")}`));
    else if (name === "route.ts") templates.push(prefix);
  }
  return templates;
}

const fill = (template: string, slug: string) => template.replace(/\{slug\}/g, slug);

/** Pages, feeds, images and API addresses for one negotiation slug. */
function negotiationAddresses(slug: string, apiTemplates: string[]): string[] {
  return [
    `/negotiations/${slug}`,
    `/negotiations/${slug}?page=2`,
    `/negotiations/${slug}/corrections`,
    `/negotiations/${slug}/feed.xml`,
    `/negotiations/${slug}/atom.xml`,
    `/negotiations/${slug}/opengraph-image`,
    `/negotiations/${slug}/twitter-image`,
    `/embed/negotiations/${slug}`,
    `/api/oembed?url=${encodeURIComponent(`${baseUrl}/negotiations/${slug}`)}`,
    ...apiTemplates
      .filter((t) => t.includes("{slug}"))
      .flatMap((t) => [fill(t, slug), `${fill(t, slug)}?order=oldest`]),
  ];
}

let fetched = new Map<string, Fetched>();
let openApiTemplates: string[] = [];
let imagePaths: string[] = [];

beforeAll(async () => {
  // Markers planted the way staff would: an admin's confidential notes, a journalist's draft and proposed source.
  const admin = await new HttpSession(baseUrl).signIn(staff.admin);
  const notes = newMarker("app.source.notes");
  const conditions = newMarker("app.source.contactConditions");
  markers.push(
    { field: "app.source.notes", value: notes },
    { field: "app.source.contactConditions", value: conditions },
  );
  const created = await admin.action<{ id: string }>("createSourceAction", {
    name: "Security desk source",
    kind: "INDIVIDUAL",
    reliability: "C",
    confidentialNotes: notes,
    contactConditions: conditions,
  });
  expect(created.result).toMatchObject({ ok: true });

  const journalist = await new HttpSession(baseUrl).signIn(staff.journalist);
  const draftTitle = newMarker("app.development.title");
  const proposedName = newMarker("app.proposedSource.name");
  markers.push(
    { field: "app.development.title", value: draftTitle },
    { field: "app.proposedSource.name", value: proposedName },
  );
  const draft = await journalist.action("createDevelopmentAction", {
    negotiationId: planted.public.negotiationId,
    occurredOn: "2026-03-05",
    title: draftTitle,
    summary: "Drafted by the security suite.",
    kind: "STATEMENT",
    citations: [{ newSource: { name: proposedName, kind: "INDIVIDUAL" }, attribution: "a person close to the talks" }],
  });
  expect(draft.result).toMatchObject({ ok: true });

  const openapi = JSON.parse((await fetchRaw(`${baseUrl}/api/v1/openapi.json`)).body.toString("utf8")) as {
    paths: Record<string, unknown>;
  };
  openApiTemplates = Object.keys(openapi.paths).map((p) => (p.startsWith("/api/") ? p : `/api/v1${p}`));
  const apiTemplates = [...new Set([...apiRouteTemplates(), ...openApiTemplates])];

  // Share images carry a build hash in their address: take it from the published page's metadata.
  const page = (await fetchRaw(`${baseUrl}/negotiations/${seedSlug}`)).body.toString("utf8");
  imagePaths = [...page.matchAll(/<meta (?:property|name)="(?:og|twitter):image" content="([^"]+)"/g)].map(
    (m) => new URL(m[1]!).pathname,
  );
  const hiddenImages = planted.hidden.negotiationSlugs.flatMap((slug) =>
    imagePaths.map((p) => p.replace(seedSlug, slug)),
  );

  const start = [
    ...imagePaths,
    ...hiddenImages,
    "/",
    "/?show=active",
    "/?show=concluded",
    "/?q=zzleak",
    "/sitemap.xml",
    "/robots.txt",
    "/feed.xml",
    "/atom.xml",
    "/developers",
    "/about/reliability",
    "/sign-in",
    "/api/v1/openapi.json",
    ...apiTemplates.filter((t) => !t.includes("{")),
    "/api/v1/negotiations?pageSize=100",
    ...negotiationAddresses(seedSlug, apiTemplates),
    // Readers must get a plain 404 for everything that is not public.
    ...planted.hidden.negotiationSlugs.flatMap((slug) => negotiationAddresses(slug, apiTemplates)),
    ...planted.hidden.sourceSlugs.map((slug) => `/sources/${slug}`),
    ...planted.hidden.actorSlugs.map((slug) => `/actors/${slug}`),
    // Error pages and bad requests.
    "/no-such-page",
    "/negotiations/no-such-negotiation",
    "/api/v1/negotiations?page=abc",
    "/api/v1/negotiations?stage=NOPE&pageSize=1000",
    `/api/v1/negotiations/${seedSlug}/developments?page=99999`,
    "/api/oembed?url=not-a-url",
    "/api/oembed?url=https://example.org/negotiations/x&format=xml",
    // The Arabic side: pages, feeds, embed and API in Arabic carry translated text (issue 17).
    "/ar",
    "/ar/feed.xml",
    `/ar/negotiations/${seedSlug}`,
    `/ar/negotiations/${seedSlug}/corrections`,
    `/ar/negotiations/${seedSlug}/feed.xml`,
    `/ar/negotiations/${seedSlug}/opengraph-image`,
    `/ar/atom.xml`,
    `/ar/negotiations/${seedSlug}/atom.xml`,
    `/ar/negotiations/${seedSlug}/twitter-image`,
    `/embed/negotiations/${seedSlug}?lang=ar`,
    `/api/oembed?url=${encodeURIComponent(`${baseUrl}/ar/negotiations/${seedSlug}`)}`,
    `/api/v1/negotiations/${seedSlug}?lang=ar`,
    `/api/v1/negotiations/${seedSlug}/developments?lang=ar`,
    ...planted.hidden.negotiationSlugs.flatMap((slug) => [
      `/ar/negotiations/${slug}`,
      `/ar/negotiations/${slug}/feed.xml`,
      `/ar/negotiations/${slug}/opengraph-image`,
      `/embed/negotiations/${slug}?lang=ar`,
    ]),
  ];
  fetched = await crawl(baseUrl, start, 700);
}, 600_000);

function leaksIn(results: Iterable<Fetched>): string[] {
  const found: string[] = [];
  for (const result of results) {
    for (const marker of leakedMarkers(result.body, markers, result.url))
      found.push(`${result.url} (HTTP ${result.status}) shows ${marker.field}`);
    if (result.body.includes("$argon2")) found.push(`${result.url} shows a password hash`);
  }
  return found;
}

describe("source protection", () => {
  it("plants a marker in every confidential field and draft", () => {
    const fields = markers.map((m) => m.field.split(":")[0]);
    for (const field of [
      "source.notes",
      "source.contactConditions",
      "source.ratingRationale",
      "development.draft.title",
      "citation.draft.attribution",
      "terms.draft.summary",
      "negotiation.draft.title",
      "negotiation.archived.title",
      "figure.draft.label",
      "user.email",
      "user.passwordHash",
      "audit.after",
      "app.source.notes",
      "app.development.title",
      "translation.draftDevelopment.title",
      "translation.draftNegotiation.title",
      "translation.proposedSource.description",
    ]) {
      expect(fields).toContain(field);
    }
  });

  it("crawls every public page, feed, API endpoint, embed, oEmbed, sitemap and image without finding a marker", () => {
    const leaks = leaksIn(fetched.values());
    // oEmbed's specification requires 501 for an unsupported format (probed on purpose); any other 5xx is a failure.
    const serverErrors = [...fetched.values()]
      .filter(
        (r) => r.status >= 500 && !(r.status === 501 && r.url.includes("/api/oembed") && r.url.includes("format=xml")),
      )
      .map((r) => `${r.url} → HTTP ${r.status}`);
    record({ endpoints: fetched.size, leaks: leaks.length, serverErrors: serverErrors.length });
    expect(leaks).toEqual([]);
    expect(serverErrors).toEqual([]);
    // The crawl really reached the public surface (a crawl that found nothing proves nothing).
    const paths = [...fetched.keys()].map((url) => new URL(url).pathname);
    for (const expected of [
      `/negotiations/${seedSlug}`,
      "/feed.xml",
      "/atom.xml",
      "/sitemap.xml",
      "/api/v1/negotiations",
      `/api/v1/negotiations/${seedSlug}/developments`,
      `/embed/negotiations/${seedSlug}`,
      "/api/oembed",
    ]) {
      expect(paths).toContain(expected);
    }
    expect(paths.some((p) => p.startsWith("/actors/"))).toBe(true);
    expect(paths.some((p) => p.startsWith("/sources/"))).toBe(true);
    expect(paths).toContain(`/ar/negotiations/${seedSlug}`);
    expect(paths).toContain(`/ar/negotiations/${seedSlug}/feed.xml`);
    expect(fetched.size).toBeGreaterThan(30);
  });

  it("finds markers planted in public fields (the detector works on what was crawled)", () => {
    expect(planted.controls.length).toBeGreaterThan(1);
    for (const control of planted.controls) {
      const where = [...fetched.values()]
        .filter((r) => leakedMarkers(r.body, [control]).length > 0)
        .map((r) => new URL(r.url).pathname);
      expect(where, control.field).not.toEqual([]);
    }
    const everywhere = [...fetched.values()]
      .filter((r) => leakedMarkers(r.body, [planted.controls[0]!]).length > 0)
      .map((r) => new URL(r.url).pathname);
    // The development summary is public: the page, a feed and the API all show it.
    expect(everywhere.some((p) => p.endsWith(".xml"))).toBe(true);
    expect(everywhere.some((p) => p.startsWith("/api/v1/"))).toBe(true);
    // Its Arabic translation is public too: the Arabic page and the Arabic feeds show it.
    const arabic = planted.controls.find((c) => c.field === "translation.development.summary")!;
    const arabicWhere = [...fetched.values()]
      .filter((r) => leakedMarkers(r.body, [arabic]).length > 0)
      .map((r) => new URL(r.url).pathname);
    expect(arabicWhere).toContain(`/ar/negotiations/${seedSlug}`);
    expect(arabicWhere).toContain(`/ar/negotiations/${seedSlug}/feed.xml`);
    expect(arabicWhere).toContain(`/ar/negotiations/${seedSlug}/atom.xml`);
  });

  it("answers 404 for drafts, archived records and unreviewed sources", () => {
    for (const slug of planted.hidden.negotiationSlugs) {
      for (const address of [
        `/ar/negotiations/${slug}`,
        `/ar/negotiations/${slug}/feed.xml`,
        `/ar/negotiations/${slug}/opengraph-image`,
        `/embed/negotiations/${slug}?lang=ar`,
      ])
        expect(fetched.get(new URL(address, baseUrl).toString())?.status, address).toBe(404);
      const images = imagePaths.map((p) => p.replace(seedSlug, slug));
      for (const address of [
        `/negotiations/${slug}`,
        `/negotiations/${slug}/feed.xml`,
        `/negotiations/${slug}/atom.xml`,
        `/embed/negotiations/${slug}`,
        `/api/v1/negotiations/${slug}`,
        `/api/v1/negotiations/${slug}/developments`,
        ...images,
      ]) {
        expect(fetched.get(new URL(address, baseUrl).toString())?.status, address).toBe(404);
      }
    }
    expect(fetched.get(new URL(`/sources/${planted.hidden.sourceSlugs[0]}`, baseUrl).toString())?.status).toBe(404);
    expect(fetched.get(new URL(`/actors/${planted.hidden.actorSlugs[0]}`, baseUrl).toString())?.status).toBe(404);
  });

  it("derives the API from app/api/v1 and the OpenAPI document, and they agree", () => {
    const fromFiles = apiRouteTemplates()
      .filter((t) => !t.endsWith("openapi.json"))
      .sort();
    expect(openApiTemplates.length).toBeGreaterThan(0);
    expect([...openApiTemplates].sort()).toEqual(fromFiles);
  });

  it("serves the share images as PNGs free of markers", () => {
    expect(imagePaths.some((p) => p.includes("/opengraph-image"))).toBe(true);
    expect(imagePaths.some((p) => p.includes("/twitter-image"))).toBe(true);
    for (const imagePath of imagePaths) {
      const image = fetched.get(new URL(imagePath, baseUrl).toString())!;
      expect(image.status).toBe(200);
      expect(image.contentType).toMatch(/^image\//);
      expect(image.body.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(leakedMarkers(image.body, markers)).toEqual([]);
    }
  });

  it("lists public pages in the sitemap and keeps staff areas out of robots", () => {
    const sitemap = fetched.get(new URL("/sitemap.xml", baseUrl).toString())!;
    expect(sitemap.status).toBe(200);
    const xml = sitemap.body.toString("utf8");
    expect(xml).toContain(`${baseUrl}/negotiations/${seedSlug}</loc>`);
    expect(xml).toMatch(/\/actors\/[a-z0-9-]+<\/loc>/);
    expect(xml).toMatch(/\/sources\/[a-z0-9-]+<\/loc>/);
    for (const hidden of [
      ...planted.hidden.negotiationSlugs,
      ...planted.hidden.actorSlugs,
      planted.hidden.sourceSlugs[0]!,
    ])
      expect(xml).not.toContain(hidden);
    const robots = fetched.get(new URL("/robots.txt", baseUrl).toString())!.body.toString("utf8");
    for (const area of ["/editor", "/admin", "/account"]) expect(robots).toContain(`Disallow: ${area}`);
    expect(robots).toContain(`Sitemap: ${baseUrl}/sitemap.xml`);
  });

  it("refuses staff exports and staff APIs to anonymous visitors without leaking", async () => {
    const probes = [
      ...planted.hidden.negotiationIds
        .concat(planted.public.negotiationId)
        .flatMap((id) => [
          `/api/editor/negotiations/${id}/export`,
          `/api/editor/negotiations/${id}/export?format=json&scope=staff`,
          `/api/editor/negotiations/${id}/export?format=csv&dataset=citations&scope=staff`,
        ]),
      "/api/admin/audit/export",
      "/api/admin/audit/export?format=json",
      "/api/editor/sources?q=a",
      "/editor",
      `/editor/negotiations/${planted.public.negotiationId}`,
      "/admin/sources",
      "/admin/audit",
      "/admin/users",
    ];
    const results = await Promise.all(probes.map((p) => fetchRaw(new URL(p, baseUrl).toString())));
    record({
      endpoints: results.length,
      leaks: leaksIn(results).length,
      serverErrors: results.filter((r) => r.status >= 500).length,
    });
    for (const result of results) {
      expect([301, 302, 303, 307, 308, 401, 403], result.url).toContain(result.status);
    }
    expect(leaksIn(results)).toEqual([]);
  });

  it("keeps confidential source details from journalists' editor APIs and admin-only pages", async () => {
    const journalist = await new HttpSession(baseUrl).signIn(staff.journalist);
    const sourceMarkers = markers.filter((m) => /source\.(notes|contactConditions)|app\.source/.test(m.field));
    const probes = [
      "/api/editor/sources?q=a",
      "/api/editor/sources?q=security",
      "/api/admin/audit/export",
      "/admin/sources",
      `/api/editor/negotiations/${planted.public.negotiationId}/export?format=json&scope=staff`,
    ];
    const results: Fetched[] = [];
    for (const probe of probes) {
      const response = await journalist.fetch(probe);
      results.push({
        url: probe,
        status: response.status,
        contentType: response.headers.get("content-type") ?? "",
        body: Buffer.from(await response.arrayBuffer()),
        location: null,
      });
    }
    record({ endpoints: results.length, serverErrors: results.filter((r) => r.status >= 500).length });
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    const journalistAudit = results.find((r) => r.url === "/api/admin/audit/export")!;
    expect(journalistAudit.status).toBe(403);
    for (const result of results)
      expect(leakedMarkers(result.body, sourceMarkers).map((m) => `${result.url}: ${m.field}`)).toEqual([]);
  });
});
