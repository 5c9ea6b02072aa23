import { stackSuiteConfig } from "../harness/suite-config.ts";

// `npm run test:security`: one production stack for every file (see global-setup.ts);
// files run one after another because they share the stack and its data.
export default stackSuiteConfig("security");
