// What a rule returns: findings about a site, or why it could not judge the site.

/** Who found it: choucha's rules (`checker`), or a person whose findings were imported (`manual`, 人工). */
export type FindingSource = 'checker' | 'manual';

/** Where a person's finding came from: the file and row it was imported from, who found it and when. */
export interface ManualProvenance {
  /** The imported file, as an absolute path. */
  file: string;
  /** Its row, numbered as the spreadsheet shows it. */
  row: number;
  /** 检查人: the inspector or third party named in the file. */
  inspector: string;
  /** The day it was found, YYYY-MM-DD. */
  date: string;
  /**
   * The screenshot the file named (`given`, as written) and the copy kept beside the database (`path`,
   * absolute in the store; relative to the report's folder in a report). Null when the row named none.
   */
  screenshot: { given: string; path: string } | null;
}

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
  /** Absent for a rule's own finding; `manual` for an imported one, which carries its provenance. */
  source?: FindingSource;
  provenance?: ManualProvenance;
}

export type RuleResult =
  | { status: 'checked'; findings: Finding[] }
  /** The rule could not judge this site with confidence: say why, never guess. */
  | { status: 'not-checked'; reason: string };
