// The faces a session may show, one line each. A face is a folder here with a manifest.ts
// (../types.ts says what it declares); one of them is the default.
export { jeremy } from "./jeremy/manifest";
export { anam } from "./anam/manifest";
export { bey } from "./bey/manifest";
export { lemonslice } from "./lemonslice/manifest";
