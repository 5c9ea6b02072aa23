import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documentedSettings, env, EnvError } from "./env";

const names = documentedSettings().map((setting) => setting.name);

describe("settings", () => {
  it("lists every setting in .env.example and docs/settings.md, and nothing else", () => {
    const example = readFileSync(".env.example", "utf8");
    const exampleNames = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
    expect(exampleNames.sort()).toEqual([...names].sort());
    const docs = readFileSync("docs/settings.md", "utf8");
    const documented = [...docs.matchAll(/^\| `([A-Z][A-Z0-9_]*)`/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...names].sort());
  });

  it("gives defaults and treats empty values as unset", () => {
    const settings = env({ DATABASE_URL: "", PORT: "" });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.PORT).toBe(3000);
    expect(settings.PARLEY_PAGE_CACHE_SECONDS).toBe(60);
    expect(settings.PARLEY_EDGE_CACHE_SECONDS).toBe(1);
  });

  it("names every bad value at once", () => {
    let caught: unknown;
    try {
      env({ PORT: "http", DATABASE_URL: "mysql://x", PARLEY_TRUSTED_PROXY_HOPS: "-1" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    expect((caught as EnvError).problems.map((problem) => problem.split(":")[0]).sort()).toEqual([
      "DATABASE_URL",
      "PARLEY_TRUSTED_PROXY_HOPS",
      "PORT",
    ]);
  });
});
