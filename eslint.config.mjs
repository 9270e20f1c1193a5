import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextVitals,
  ...nextTypescript,
  prettier,
  {
    rules: {
      // Under `next dev` one module can be loaded twice (the instrumentation hook and the route
      // handlers), so class identity is not a reliable test for our errors: use their brands.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "BinaryExpression[operator='instanceof'][right.name=/^(AppError|ProviderError)$/]",
          message:
            "Use isAppError() / isProviderError(): class identity differs across module copies.",
        },
      ],
    },
  },
  {
    ignores: [
      ".next/**",
      ".data/**",
      ".bin/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
