/// <reference lib="dom" />
/**
 * How long the preview takes to draw scenarios of a given size, in Chromium, as the
 * user experiences it (message in → SVG in the page). Printed for docs/preview.md;
 * the only assertion is that the capped diagram draws in well under the time a user
 * would notice as broken.
 */
import { describe, expect, it } from 'vitest';
import { useBundleSession } from './bundle-session.js';
import { openPreview, renderMessageFor } from './harness.js';
import { largeScenario } from './large.js';

describe('render times (Chromium)', () => {
  const session = useBundleSession();

  it('draws 100, 400 and 1000 messages', async () => {
    const started = performance.now();
    const preview = await openPreview(session().browser, session().bundleDir);
    const load = performance.now() - started;
    const times: Record<string, number> = {};
    for (const n of [100, 400, 1000]) {
      const message = renderMessageFor(largeScenario(n), { maxMessages: n });
      const rendered = await preview.render(message);
      expect(rendered.ok).toBe(true);
      times[`${n} messages (${Math.round(message.mermaid.length / 1000)}k chars)`] = Math.round(rendered.ms);
    }
    console.log(`preview page load ${Math.round(load)} ms; render ms:`, times);
    expect(Object.values(times)[1]).toBeLessThan(15_000);
  });
});
