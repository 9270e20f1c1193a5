// The avatar providers this app can run, one line each. A provider is
// a folder here with a manifest.ts (../manifest.ts says what it declares) and its server code;
// to remove one, delete its folder and its line (README, "Using only Equos").
export { local } from "./local/manifest";
export { equos } from "./equos/manifest";
