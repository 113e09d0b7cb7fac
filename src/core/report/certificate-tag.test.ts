import { describe, expect, it } from 'vitest';
import { certificateTag, taggedCertificate } from './certificate-tag';

describe('certificate tag', () => {
	const sha = '0123456789abcdef'.repeat(4);
	it('names a certificate by its first 16 hex digits and reads it back from a subject', () => {
		expect(certificateTag(sha)).toBe('[sha256 0123456789abcdef…]');
		expect(taggedCertificate(`keystore.p12: CN=host ${certificateTag(sha)}`)).toBe(
			'0123456789abcdef',
		);
	});
	it('finds nothing in a subject without one (an SPKI tag is a key, not a certificate)', () => {
		expect(taggedCertificate('key of CN=host [SPKI sha256 0123456789abcdef…]')).toBeNull();
		expect(taggedCertificate('ds:Signature at /Envelope')).toBeNull();
	});
});
