import { beforeAll, describe, expect, it } from "vitest";
import { GET as oembed } from "@/app/api/oembed/route";
import { GET as embed } from "@/app/embed/negotiations/[slug]/route";
import { db } from "@/lib/db/client";
import { createNegotiation } from "@/seeds/factories";
import { runSeed } from "@/seeds/run";

const MARKER = "EMBED-CONFIDENTIAL-77aa";
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

beforeAll(async () => {
  await runSeed(db(), { includeDevelopmentStaff: false });
  await db().sourceConfidential.updateMany({ data: { notes: MARKER } });
});

describe("embeddable terms card", () => {
  it("renders the current terms, may be framed anywhere, sets no cookies and runs only its own script", async () => {
    const response = await embed(new Request("http://x"), params("sweida-prisoner-exchange"));
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toContain("frame-ancestors *");
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await response.text();
    expect(html).toContain("61 civilians");
    expect(html).toContain("30 security personnel");
    expect(html).toContain("released 0 of 61");
    expect(html).not.toContain(MARKER);
  });

  it("escapes text and refuses drafts", async () => {
    const { negotiation } = await createNegotiation(db(), { title: `<img src=x onerror=alert(1)> talks` });
    const html = await (await embed(new Request("http://x"), params(negotiation.slug))).text();
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; talks");
    expect(html).not.toContain("<img src=x");
    const { negotiation: draft } = await createNegotiation(db(), { publication: "DRAFT" });
    expect((await embed(new Request("http://x"), params(draft.slug))).status).toBe(404);
  });

  it("answers oEmbed requests for negotiation URLs with an iframe snippet", async () => {
    const ok = await oembed(
      new Request(
        `http://x/api/oembed?url=${encodeURIComponent("https://parley.example/negotiations/sweida-prisoner-exchange")}`,
      ),
    );
    const body = await ok.json();
    expect(body).toMatchObject({
      version: "1.0",
      type: "rich",
      provider_name: "Parley",
      title: expect.stringContaining("Sweida"),
    });
    expect(body.html).toContain("/embed/negotiations/sweida-prisoner-exchange");
    expect((await oembed(new Request("http://x/api/oembed?url=not-a-url"))).status).toBe(400);
    expect(
      (await oembed(new Request(`http://x/api/oembed?url=${encodeURIComponent("https://parley.example/sources/afp")}`)))
        .status,
    ).toBe(404);
    expect(
      (
        await oembed(
          new Request("http://x/api/oembed?url=https://p.example/negotiations/sweida-prisoner-exchange&format=xml"),
        )
      ).status,
    ).toBe(501);
  });
});
