// axe-core against the page as a person sees it, with failures that read like a to-do list.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
type Violation = AxeResults["violations"][number];

/** WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** One line per offending element: rule, impact, selector, and for contrast the measured ratio. */
export function formatViolations(violations: Violation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const contrast = node.any.find((check) => check.id === "color-contrast")?.data as
        | {
            contrastRatio?: number;
            expectedContrastRatio?: string;
            fgColor?: string;
            bgColor?: string;
          }
        | undefined;
      const detail = contrast?.contrastRatio
        ? ` (contrast ${contrast.contrastRatio}:1, needs ${contrast.expectedContrastRatio}; ${contrast.fgColor} on ${contrast.bgColor})`
        : "";
      const html = node.html.length > 100 ? `${node.html.slice(0, 99)}…` : node.html;
      return `${violation.id} [${violation.impact ?? "no impact"}] ${node.target.join(" ")}${detail}: ${violation.help}. ${html}`;
    }),
  );
}

/**
 * Runs axe on the page and fails the test, naming every violation, unless there are none. The
 * failure is soft, so that one run reports every state's violations, not just the first state's.
 */
export async function expectNoAxeViolations(page: Page, state: string, testInfo: TestInfo) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length > 0) {
    await testInfo.attach(`axe ${state}`, {
      body: JSON.stringify(results.violations, null, 2),
      contentType: "application/json",
    });
  }
  expect.soft(formatViolations(results.violations), `axe violations at "${state}"`).toEqual([]);
}
