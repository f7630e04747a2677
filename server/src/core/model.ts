// The plain data the core hands out. Everything here is JSON-shaped on purpose:
// the server maps it to LSP, the CLI prints it, tests compare it.

/** LSP position: 0-based line, UTF-16 code units into the line. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The diagnostic codes of FORMAT.md; a code keeps its meaning once named. */
export type DiagnosticCode =
  | 'unbalanced-bracket'
  | 'unknown-proposer'
  | 'agreed-with-brackets'
  | 'duplicate-paragraph-number'
  | 'paragraph-number-gap'
  | 'malformed-symbol'
  | 'unknown-document'
  | 'missing-pinpoint'
  | 'quote-mismatch'
  | 'reference-mismatch'
  | 'agreed-language';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  /** Machine-readable extras: suggestions for unknown-proposer, the source for agreed-language … */
  data?: Record<string, unknown>;
}

export type BracketKind = 'text' | 'alternative' | 'deletion' | 'placeholder';
export type ProposerAction = 'delete' | 'retain' | 'alt' | 'reserve';
export type AttributionForm = 'braces' | 'suffix' | 'prefix';

export type ParagraphStatus = 'agreed' | 'agreed-ad-ref' | 'pending';

export interface SubParagraphInfo {
  label: string;
  position: Position;
}

export interface ParagraphInfo {
  /** `12 bis`, `PP3`, or `¶2` for unlabelled text. */
  label: string;
  /** Title of the nearest heading above, or null. */
  section: string | null;
  range: Range;
  status: ParagraphStatus;
  /** Brackets that open inside this paragraph. */
  brackets: number;
  labelled: boolean;
  /** The label as written (with its period); null for unlabelled text. */
  labelRange: Range | null;
  subParagraphs: SubParagraphInfo[];
  /** Where its `Option 1:`, `Option 2:` … lines start, when it has two or more (an alternative group, FORMAT.md §5); else none. */
  options: Position[];
}

export interface BracketInfo {
  /** Stable within one analysis: `b<n>`. */
  id: string;
  paragraph: string | null;
  /** Index in `Analysis.paragraphs` of the paragraph it opens in (labels repeat across sections). */
  paragraphIndex: number | null;
  /** From `[` to `]`, attribution braces included. */
  range: Range;
  depth: number;
  kind: BracketKind;
  proposers: string[];
  action: ProposerAction | null;
  text: string;
  form: AttributionForm | null;
  /** The attribution as written (braces, `– EU`, `EU:`), for rewriting it. */
  attributionRange: Range | null;
  /** An editorial note in braces right after its `]` (`[x]{Note: pending Article 10}`), which goes with it when it is accepted or dropped. */
  noteRange: Range | null;
  /** Each proposer name as written, with its registry name (null when unknown). */
  names: { range: Range; written: string; canonical: string | null }[];
  /** The bracket's own text, attribution left out. */
  textRange: Range;
  openRange: Range;
  /** The `]`; null when the bracket never closes. */
  closeRange: Range | null;
  /** Brackets of one alternative group share it. */
  group: string | null;
  /** Id of the enclosing bracket. */
  parent: string | null;
  closed: boolean;
  /** Status of the paragraph it opens in. */
  paragraphStatus: ParagraphStatus | null;
}

export type ReferenceKind = 'document' | 'resolution' | 'decision';

export interface ReferenceInfo {
  paragraph: string | null;
  symbol: string;
  pinpoint: string | null;
  quote: string | null;
  range: Range;
  known: boolean;
  kind: ReferenceKind;
  quoteRange: Range | null;
  date: string | null;
  /** Where the pinpoint is written (`para. 6`), when there is one. */
  pinpointRange?: Range | null;
}

export interface SectionInfo {
  title: string;
  level: number;
  range: Range;
}

export interface Analysis {
  frontMatter: Record<string, unknown> | null;
  /** Unlabelled text at the top, before any heading or label (`Draft decision -/CMA.9`). */
  title: string | null;
  sections: SectionInfo[];
  paragraphs: ParagraphInfo[];
  brackets: BracketInfo[];
  references: ReferenceInfo[];
  diagnostics: Diagnostic[];
}
