import { stackSuiteConfig } from "../harness/suite-config.ts";

// `npm run test:resilience`: concurrency, database faults, start-up without a
// database, and load, each file against its own production stack. Files run
// one after another: they stop databases and saturate the CPU.
export default stackSuiteConfig("resilience");
