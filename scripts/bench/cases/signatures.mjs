// Bench case (issue #4): SOAP envelopes of about 1, 10 and 30 MB signed by xmlsec1 (enveloped
// signature over the whole envelope: RSA-SHA256, exc-c14n, SHA-256 digest, RSAKeyValue), verified by
// the page's engine in Chromium beside `xmlsec1 --verify` timed on the same file.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DS = 'http://www.w3.org/2000/09/xmldsig#';

export function envelope(bytes) {
	const parts = [
		'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ex="urn:example:orders">',
		'<soapenv:Header/><soapenv:Body><ex:PlaceOrder>',
	];
	let size = parts.join('').length;
	for (let i = 0; size < bytes; i++) {
		const item = `<ex:item sku="SKU-${i}" qty="${(i % 7) + 1}">Widget ${i} &amp; co, shipped to Dublin ${i % 100}</ex:item>\n`;
		parts.push(item);
		size += item.length;
	}
	parts.push(
		`</ex:PlaceOrder></soapenv:Body><Signature xmlns="${DS}"><SignedInfo>`,
		'<CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
		'<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>',
		`<Reference URI=""><Transforms><Transform Algorithm="${DS}enveloped-signature"/>`,
		'<Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></Transforms>',
		'<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue/></Reference>',
		'</SignedInfo><SignatureValue/><KeyInfo><KeyValue/></KeyInfo></Signature></soapenv:Envelope>',
	);
	return parts.join('');
}

export default async function run(ctx) {
	const key = join(ctx.tmpDir, 'bench-sign.key');
	const pub = join(ctx.tmpDir, 'bench-sign.pub');
	execFileSync('openssl', [
		'genpkey',
		'-algorithm',
		'RSA',
		'-pkeyopt',
		'rsa_keygen_bits:2048',
		'-out',
		key,
	]);
	execFileSync('openssl', ['pkey', '-in', key, '-pubout', '-out', pub]);
	const rows = [];
	for (const mb of [1, 10, 30]) {
		const tmpl = join(ctx.tmpDir, `signature-${mb}mb.tmpl.xml`);
		const signed = join(ctx.tmpDir, `signed-${mb}mb.xml`);
		writeFileSync(tmpl, envelope(mb * 1024 * 1024));
		execFileSync('xmlsec1', ['--sign', '--privkey-pem', key, '--output', signed, tmpl]);
		const nativeArgs = ['--verify', '--pubkey-pem', pub, signed];
		const native = await ctx.timeNative('xmlsec1', nativeArgs, { runs: 3 });
		const page = await ctx.analyzeInPage([{ path: signed }]);
		const sig = page.report.signatures?.find((s) => s.inputName === `signed-${mb}mb.xml`);
		const size = readFileSync(signed).length;
		rows.push({
			case: `verify ${(size / 1024 / 1024).toFixed(1)} MB signed SOAP envelope (rsa-sha256, exc-c14n)`,
			ours_ms: Math.round(page.ms),
			native_ms: Math.round(native.ms),
			native_cmd: `xmlsec1 ${nativeArgs.join(' ')}`,
			ratio: Number((page.ms / native.ms).toFixed(2)),
			peak_mb: page.peakHeapMb,
			worker_peak_mb: page.workerPeakMb,
			worker_total_mb: page.workerPeakTotalMb,
			longest_main_thread_block_ms: page.longestTaskMs,
			note:
				sig?.valid === true
					? 'signature valid'
					: `NOT VERIFIED: ${JSON.stringify(sig ?? null).slice(0, 80)}`,
		});
	}
	return rows;
}
