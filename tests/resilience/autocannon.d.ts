// The slice of autocannon's API the load test uses (the package ships no types).
declare module "autocannon" {
  type Request = { method?: string; path: string; headers?: Record<string, string> };
  type Options = { url: string; connections?: number; duration?: number; timeout?: number; requests?: Request[] };
  export type Result = {
    requests: { total: number; average: number };
    latency: { p50: number; p99: number; max: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  };
  export default function autocannon(options: Options): Promise<Result>;
}
