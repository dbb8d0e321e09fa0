import { describe, expect, it } from 'vitest';
import { escapeXml, toXml } from './xml';

describe('toXml', () => {
  it('wraps list items in the element the spec names and empties nulls', () => {
    expect(toXml('service_requests', [{ service_request_id: 'a', status_notes: null, lat: 30.5, metadata: true }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>a</service_request_id><status_notes/><lat>30.5</lat><metadata>true</metadata></request></service_requests>',
    );
    expect(toXml('errors', [{ code: 403, description: 'x' }])).toContain('<errors><error><code>403</code>');
    expect(toXml('service_definition', { service_code: 'c', attributes: [{ values: [{ key: 'k', name: 'n' }] }] })).toContain(
      '<attributes><attribute><values><value><key>k</key><name>n</name></value></values></attribute></attributes>',
    );
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'\u0000\u0007ok`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;ok');
    expect(toXml('services', [{ description: '</description><evil/>' }])).not.toContain('<evil/>');
  });
});
