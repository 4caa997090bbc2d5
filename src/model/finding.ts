// What a rule returns: findings about a site, or why it could not judge the site.

export interface Finding {
  /** The rule's id (src/rules/index.ts lists them). */
  rule: string;
  /** Finding kind within the rule (like an ESLint messageId): the edition maps rule+code to veto/deduction/notice and points. */
  code: string;
  siteId: string;
  url: string | null;
  /** One line of Chinese for people. */
  message: string;
  evidence: Record<string, unknown>;
}

export type RuleResult =
  | { status: 'checked'; findings: Finding[] }
  /** The rule could not judge this site with confidence: say why, never guess. */
  | { status: 'not-checked'; reason: string };
