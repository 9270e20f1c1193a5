// The avatar providers this app can run, one line each. A provider is a folder here exporting a
// ProviderModule; to remove one, delete its folder and its line (README, "Using only Equos").
export { equos } from "./equos";
export { local } from "./local";
