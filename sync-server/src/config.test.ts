import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('server configuration', () => {
  it('listens on 127.0.0.1 only when the demo is seeded, unless HOST says otherwise', () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(readConfig({ RELAIS_DEMO: '0' }).host).toBe('0.0.0.0');
  });

  it('trusts X-Forwarded-* only from the configured proxy', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ RELAIS_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    // `1`: a reverse proxy on the same machine (nginx, Caddy), the usual set-up.
    expect(readConfig({ RELAIS_TRUST_PROXY: '1' }).trustProxy).toBe('loopback');
    expect(readConfig({ RELAIS_TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }).trustProxy).toBe(
      '10.0.0.5,10.0.1.0/24',
    );
  });
});

describe('retention settings', () => {
  it('keeps the audit log 12 months and anonymises after 36 months without activity by default', () => {
    expect(readConfig({}).auditRetentionMonths).toBe(12);
    expect(readConfig({}).inactivityMonths).toBe(36);
    expect(readConfig({ RELAIS_AUDIT_RETENTION_MONTHS: '6' }).auditRetentionMonths).toBe(6);
    expect(readConfig({ RELAIS_INACTIVITY_MONTHS: '24' }).inactivityMonths).toBe(24);
    expect(() => readConfig({ RELAIS_AUDIT_RETENTION_MONTHS: 'un an' })).toThrow(/invalide/);
    expect(() => readConfig({ RELAIS_AUDIT_RETENTION_MONTHS: '0' })).toThrow(/invalide/);
  });
});
