import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { redirectUnsafeAuthError } from "./auth-error-requests";

const get = (search: string) => redirectUnsafeAuthError(new NextRequest(`http://parley.test/api/auth/error${search}`));

describe("/api/auth/error with codes a header cannot carry", () => {
  it("redirects to the sign-in page with the code percent-encoded (non-ASCII, CR, LF)", () => {
    for (const search of [
      "?error=%E2%80%AE",
      "?error=a%0D%0ASet-Cookie:%20x=1",
      "?error=%0A",
      "?error=caf%C3%A9",
      "?error=%00",
      // next-auth reads the last value, and the path when there is no query.
      "?error=ok&error=%E2%80%AE",
      "?error=ok&error=a%0Aparley:%20forged",
      "/%E2%80%AE",
      "/a%0Aparley:%20forged",
    ]) {
      const response = get(search);
      expect(response?.status, search).toBe(302);
      const location = response!.headers.get("location")!;
      expect(location, search).toMatch(/^http:\/\/parley\.test\/sign-in\?error=/);
      expect(location, search).toMatch(/^[\x21-\x7e]+$/);
    }
  });

  it("leaves next-auth's own codes and every other address to next-auth", () => {
    expect(get("?error=CredentialsSignin")).toBeUndefined();
    expect(get("?error=locked:30")).toBeUndefined();
    expect(get("")).toBeUndefined();
    expect(get("/CredentialsSignin")).toBeUndefined();
    expect(redirectUnsafeAuthError(new NextRequest("http://parley.test/sign-in?error=%E2%80%AE"))).toBeUndefined();
  });
});
