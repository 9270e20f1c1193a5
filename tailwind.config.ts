import type { Config } from "tailwindcss";

// Tailwind 4 reads its theme from CSS (app/globals.css); this file names the sources it scans
// and is loaded from there with @config.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "media",
};

export default config;
