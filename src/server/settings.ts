/**
 * Reads the user's `jkopay` settings (through `workspace/configuration` where the client answers
 * it, else from `initializationOptions` and `didChangeConfiguration`) and turns them into the
 * core's LanguageSettings, ignoring values of the wrong shape instead of failing on them.
 */
import { DEFAULT_CURRENCY } from '../data/files';
import type { SeverityOverride, LanguageSettings, ProjectConfig } from '../core';
import type { JkopaySettings } from '../shared/protocol';

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint', 'off'] satisfies SeverityOverride[]);

export interface ServerSettings {
  diagnosticsEnabled: boolean;
  language: Pick<LanguageSettings, 'defaultCurrency' | 'severity' | 'sourceDetection'>;
}

/**
 * The editor's settings over the project's configuration (`jkopay.config.json`): the editor wins
 * where it says something. VS Code answers every setting with its default when the user set none,
 * so an editor value equal to the default (`TWD`, detection on) leaves the project's value; any
 * other editor value wins. Severities merge code by code, the editor's last.
 */
export function toServerSettings(raw: unknown, project?: ProjectConfig): ServerSettings {
  const settings = (raw && typeof raw === 'object' ? raw : {}) as JkopaySettings;
  const editorCurrency =
    typeof settings.defaultCurrency === 'string' && /^[A-Za-z]{3}$/.test(settings.defaultCurrency)
      ? settings.defaultCurrency.toUpperCase()
      : undefined;
  const currency = editorCurrency && editorCurrency !== DEFAULT_CURRENCY ? editorCurrency : (project?.currency ?? DEFAULT_CURRENCY);
  const severity: Record<string, SeverityOverride> = { ...project?.severity };
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
        markers: settings.source?.markers !== false && project?.detect.markers !== false,
        types: settings.source?.types !== false && project?.detect.types !== false,
        keys: settings.source?.keys !== false && project?.detect.keys !== false,
      },
    },
  };
}
