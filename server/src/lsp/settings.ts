/**
 * The `tcpflow.*` settings: from the client's `workspace/configuration` (section
 * `tcpflow`, refreshed on `workspace/didChangeConfiguration`), else from
 * `initializationOptions`, else the defaults of package.json.
 */
import type { ConfigurationProvider } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { StateNameStyle } from '../engine/states.js';
import { defaultProfile, isProfileName, setDefaultProfile, type ProfileName } from '../engine/profile.js';
import { activeLocale, setLocale } from '../i18n/catalogue.js';
import { localeFromTag, type Locale } from '../i18n/locale.js';

export interface TcpflowSettings {
  readonly inlayHints: { readonly enabled: boolean; readonly compact: boolean };
  readonly stateNames: StateNameStyle;
  /** The TCP to check documents against where they have no `profile` line (engine/profile.ts). */
  readonly profile: ProfileName;
  /** The language of what the server says: 'auto' follows the client's (LSP `initialize`'s `locale`). */
  readonly language: 'auto' | Locale;
}

export const DEFAULT_SETTINGS: TcpflowSettings = { inlayHints: { enabled: true, compact: false }, stateNames: 'rfc', profile: 'rfc9293', language: 'auto' };

/**
 * Reads a settings object as clients send it: nested (`{ inlayHints: { enabled } }`,
 * VS Code, Neovim) or with dotted keys (`{ 'inlayHints.enabled': … }`), with or
 * without the `tcpflow` level. Values of the wrong type are ignored.
 */
export function readSettings(raw: unknown, base: TcpflowSettings = DEFAULT_SETTINGS): TcpflowSettings {
  if (!raw || typeof raw !== 'object') return base;
  const obj = raw as Record<string, unknown>;
  if (obj.tcpflow && typeof obj.tcpflow === 'object') return readSettings(obj.tcpflow, base);
  const get = (path: string): unknown => {
    if (path in obj) return obj[path];
    const flat = path.startsWith('tcpflow.') ? path : `tcpflow.${path}`;
    if (flat in obj) return obj[flat];
    let node: unknown = obj;
    for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    return node;
  };
  const bool = (path: string, fallback: boolean) => {
    const v = get(path);
    return typeof v === 'boolean' ? v : fallback;
  };
  const names = get('stateNames');
  const profile = get('profile');
  const language = get('language');
  return {
    profile: typeof profile === 'string' && isProfileName(profile) ? profile : base.profile,
    language: language === 'auto' ? 'auto' : typeof language === 'string' ? localeFromTag(language) ?? base.language : base.language,
    inlayHints: { enabled: bool('inlayHints.enabled', base.inlayHints.enabled), compact: bool('inlayHints.compact', base.inlayHints.compact) },
    stateNames: names === 'rfc' || names === 'linux' ? names : base.stateNames,
  };
}

export class SettingsService {
  private fromInitialization: TcpflowSettings = DEFAULT_SETTINGS;
  /** The client's own language (LSP `initialize`'s `locale`), used while `tcpflow.language` is 'auto'. */
  private clientLocale: Locale = 'en';
  private readonly configuration: ConfigurationProvider;

  constructor(shared: LangiumSharedServices) {
    this.configuration = shared.workspace.ConfigurationProvider;
    shared.lsp.LanguageServer.onInitialize((params) => {
      this.fromInitialization = readSettings(params.initializationOptions);
      this.clientLocale = localeFromTag(params.locale) ?? 'en';
      setDefaultProfile({ name: this.fromInitialization.profile });
      setLocale(this.fromInitialization.language === 'auto' ? this.clientLocale : this.fromInitialization.language);
    });
    // The profile is not read on request like the others: every document's analysis
    // depends on it, so a change re-checks the documents (run.ts does not reuse a run
    // made under another profile).
    void this.configuration.ready.then(() => this.applyProfile(shared));
    this.configuration.onConfigurationSectionUpdate((update) => {
      if (update.section === 'tcpflow') void this.applyProfile(shared);
    });
  }

  private async applyProfile(shared: LangiumSharedServices): Promise<void> {
    const { profile, language } = await this.get();
    const locale = language === 'auto' ? this.clientLocale : language;
    // Diagnostics are worded when a document is checked: a new language re-checks, as a new profile does.
    if (profile === defaultProfile().name && locale === activeLocale()) return;
    setDefaultProfile({ name: profile });
    setLocale(locale);
    const uris = shared.workspace.LangiumDocuments.all.map((d) => d.uri).toArray();
    if (uris.length > 0) await shared.workspace.DocumentBuilder.update(uris, []);
  }

  async get(): Promise<TcpflowSettings> {
    const section: Record<string, unknown> = {};
    for (const key of ['inlayHints', 'stateNames', 'profile', 'language', 'inlayHints.enabled', 'inlayHints.compact']) {
      const value: unknown = await this.configuration.getConfiguration('tcpflow', key);
      if (value !== undefined) section[key] = value;
    }
    return readSettings(section, this.fromInitialization);
  }
}
