/** The part of autocannon 9 the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    total?: number;
  }

  interface RequestData {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  interface Request extends RequestData {
    /** Called before each send of this request; what it returns is sent. */
    setupRequest?: (req: RequestData, context: Record<string, unknown>) => RequestData;
  }

  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Stop after this many requests in all (instead of after `duration`). */
    amount?: number;
    /** Each connection sends these in turn. */
    requests?: Request[];
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    timeout?: number;
    /**
     * Milliseconds between samples (default 1000). A run of `amount` requests
     * ends at the first sample after its last answer, so its `duration` is
     * rounded up to this.
     */
    sampleInt?: number;
  }

  interface Result {
    requests: Histogram;
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
