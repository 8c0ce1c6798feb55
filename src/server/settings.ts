/**
 * Reads the user's `jkopay` settings (through `workspace/configuration` where the client answers
 * it, else from `initializationOptions` and `didChangeConfiguration`) and turns them into the
 * core's LanguageSettings, ignoring values of the wrong shape instead of failing on them.
 */
import type { SeverityOverride } from '../core/findings';
import type { LanguageSettings } from '../core/languageService';
import type { JkopaySettings } from '../shared/protocol';

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint', 'off'] satisfies SeverityOverride[]);

export interface ServerSettings {
  diagnosticsEnabled: boolean;
  language: Pick<LanguageSettings, 'defaultCurrency' | 'severity' | 'sourceDetection'>;
}

export function toServerSettings(raw: unknown): ServerSettings {
  const settings = (raw && typeof raw === 'object' ? raw : {}) as JkopaySettings;
  const currency = typeof settings.defaultCurrency === 'string' && /^[A-Za-z]{3}$/.test(settings.defaultCurrency) ? settings.defaultCurrency.toUpperCase() : 'TWD';
  const severity: Record<string, SeverityOverride> = {};
  const overrides = settings.diagnostics?.severity;
  if (overrides && typeof overrides === 'object') {
    for (const [code, level] of Object.entries(overrides)) {
      if (typeof level === 'string' && SEVERITIES.has(level)) severity[code] = level as SeverityOverride;
    }
  }
  return {
    diagnosticsEnabled: settings.diagnostics?.enable !== false,
    language: {
      defaultCurrency: currency,
      severity,
      sourceDetection: {
        markers: settings.source?.markers !== false,
        types: settings.source?.types !== false,
        keys: settings.source?.keys !== false,
      },
    },
  };
}
