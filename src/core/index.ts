/**
 * The core's one way in: everything outside `src/core` imports from here and nowhere else
 * (test/unit/architecture.test.ts enforces it). The editor features come through the language
 * service (`getLanguageService`), one request body's text is checked by `checkPayloadText`, and
 * the rest is what the other layers share with the checker: the payload model they build bodies
 * from, exact decimals, the rule table and messages, the project configuration.
 */
export { getLanguageService, type LanguageService, type LanguageSettings } from './languageService';
export { checkPayloadText, type PayloadTextCheck } from './checkPayloadText';

export { type FormatResult } from './features/formatting';
export { DEFAULT_DETECTION, isSource, type SourceDetection } from './source/sourceDocument';
export { type FileReader } from './source/importedBindings';
export { typescript as loadSourceParser } from './source/typescriptLoader';
export {
  CONFIG_FILE,
  configFromFile,
  EMPTY_CONFIG,
  findProjectConfig,
  type LoadedConfig,
  type ProjectConfig,
} from './config/projectConfig';
export { globListProblem, MAX_GLOB_LENGTH, MAX_GLOB_WILDCARDS, MAX_GLOBS, translateGlob } from './config/globPattern';

export { type DiagnosticData, type Finding, ruleMessage, type SeverityOverride } from './rules/findings';
export { type LiteralReport } from './rules/checkReason';
export { getRule, RULES, type RuleCode, type RuleSeverity } from './rules/ruleTable';
export { payloadDiagnostics, payloadErrorCounts, payloadErrors } from './rules/payloadErrors';
export { CUT_NOTICE_CODE, type CutNoticeData, MAX_FINDINGS_PER_DOCUMENT, type SeverityCounts } from './rules/findingsBudget';

export { getProperty, nodeEnd, type ObjectNode, type Payload, type PayloadDocument, type ValueNode } from './model/model';
export { SCHEMA_KEY } from './model/fieldSpec';
export { runtimePart, type RuntimePart } from './model/runtimePart';
export { mergeChanges, type TextChange } from './model/textChange';
export { hasLoneSurrogate, hasUrlUnsafeChar } from './model/textUtil';
export { add, compare, decimal, type Decimal, format, isPositive, multiply, readNumber, round } from './model/decimal';

export { type Args, localize, toLang } from './texts/localize';
export { msg } from './texts/messages';
