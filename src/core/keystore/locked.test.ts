// Stores whose password question is the point (tests/fixtures/keystores/locked, made by
// scripts/fixtures/keystores/make-locked.sh with keytool and OpenSSL; passwords in its README
// line): an entry's own key password, the two passwords of `openssl pkcs12 -twopass`, a store
// read without its password. Each must say what it is, never claim damage it cannot prove, and
// never grade green what it did not open.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import type { InputFile } from '../pipeline';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores');
const NOW = '2026-11-22T12:00:00Z';

function file(name: string): InputFile {
	return { id: name, name, bytes: new Uint8Array(readFileSync(resolve(FIX, name))) };
}

async function analyze(name: string, password?: string, entries: Record<string, string> = {}) {
	return new Analyzer().run(
		{
			files: [file(name)],
			passwords: password === undefined ? {} : { [name]: password },
			entryPasswords: { [name]: entries },
			settings: { now: NOW, trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		},
		() => {},
		new AbortController().signal,
	);
}

describe('a password that opens a key entry but not the store', () => {
	it.each([
		['keypass.jks', 'otherpass', 'signer', 'JKS'],
		['locked/keypass.jceks', 'KeyPass22', 'own', 'JCEKS'],
	])('%s given its key password is locked, not damaged', async (name, pw, alias, kind) => {
		const { facts } = await analyze(name, pw);
		const input = facts.inputs[0];
		expect(input?.status).toBe('locked');
		expect(input?.lock?.wrongPassword).toBe(true);
		expect(input?.lock?.message).toContain(`opens the key entry "${alias}"`);
		expect(input?.lock?.message).toContain(`does not match the ${kind} SHA-1 integrity digest`);
		expect(input?.lock?.message).toContain('own key password (keytool -keypass)');
		expect(input?.lock?.message).toContain('give the store password');
		expect(input?.lock?.message).toContain('Otherwise the file was altered');
	});

	it('twopass.p12 given its encryption password is locked, not damaged', async () => {
		const { facts } = await analyze('locked/twopass.p12', 'EncPass33');
		const input = facts.inputs[0];
		expect(input?.status).toBe('locked');
		expect(input?.lock?.message).toMatch(
			/^Wrong password or damaged file: the password decrypts the certificates and key leaf but does not verify the PKCS#12 integrity MAC/,
		);
		expect(input?.lock?.message).toContain('openssl pkcs12 -twopass');
		expect(input?.lock?.message).toContain('give its MAC password');
	});
});

describe('a store opened with parts still shut', () => {
	it('twopass.p12 given its MAC password: not graded, incomplete, says which password is missing', async () => {
		const { report } = await analyze('locked/twopass.p12', 'StorePass1');
		expect(report.inputs[0]?.status).toBe('parsed');
		// nothing but the protection was read: no letter, and the grade names the input
		expect(report.grade.overall).toBe('N/A');
		expect(report.grade.complete).toBe(false);
		expect(report.grade.notAnalyzed).toEqual(['locked/twopass.p12']);
		const notes = report.inputs[0]?.notes ?? [];
		expect(notes).toHaveLength(1);
		expect(notes[0]?.level).toBe('error');
		expect(notes[0]?.message).toMatch(
			/^An encrypted part \(its certificates\) and the key "leaf" of this PKCS#12 file do not decrypt with the password that verifies its integrity MAC/,
		);
		expect(notes[0]?.message).toContain('give its encryption password');
		expect(JSON.stringify(report)).not.toMatch(/StorePass1|EncPass33/);
	});

	it('twopass.p12 with its encryption password as the entry password opens completely', async () => {
		const { report } = await analyze('locked/twopass.p12', 'StorePass1', { leaf: 'EncPass33' });
		expect(report.grade.complete).toBe(true);
		expect(report.grade.overall).not.toBe('N/A');
		expect(report.inputs[0]?.notes).toBeUndefined();
		expect(report.keystores[0]?.entries.map((e) => [e.alias, e.keyLocked])).toContainEqual([
			'leaf',
			false,
		]);
	});

	it('keypass.jks opened with its store password: the key left shut makes the grade incomplete', async () => {
		const { report } = await analyze('keypass.jks', 'storepass');
		expect(report.inputs[0]?.status).toBe('parsed');
		expect(report.grade.complete).toBe(false);
		expect(report.grade.notAnalyzed).toEqual(['keypass.jks']);
	});
});

describe('a truststore read without its password', () => {
	it.each(['locked/trust.jks', 'locked/trust-flipped.jks'])(
		'%s: listed, and the report says its integrity was not verified and how to verify it',
		async (name) => {
			const { report } = await analyze(name);
			expect(report.inputs[0]?.status).toBe('parsed');
			expect(report.keystores[0]?.entries).toHaveLength(1);
			expect(report.inputs[0]?.notes).toEqual([
				{
					level: 'warning',
					line: null,
					message: expect.stringMatching(
						/^The integrity of this JKS store was not verified: .*SHA-1 .*digest.*Give the store password to verify it$/,
					),
				},
			]);
		},
	);

	it('trust.jks with its store password: verified, no note', async () => {
		const { report, facts } = await analyze('locked/trust.jks', 'StorePass1');
		expect(facts.keystores[0]?.integrity.verified).toBe(true);
		expect(report.inputs[0]?.notes).toBeUndefined();
	});

	it('trust-flipped.jks with its store password: the altered byte fails the digest', async () => {
		const { facts } = await analyze('locked/trust-flipped.jks', 'StorePass1');
		expect(facts.inputs[0]?.status).toBe('locked');
		expect(facts.inputs[0]?.lock?.message).toMatch(/^Wrong password or damaged file/);
	});
});

describe('a locked JKS/JCEKS shows what keytool -list shows without the password', () => {
	it.each([
		['keytool.jks', undefined, 3, false],
		['keytool.jks', 'not-the-password', 3, true],
		['locked/keypass.jceks', undefined, 1, false],
	] as const)(
		'%s (password %s): locked, entries and certificates listed',
		async (name, pw, n, wrong) => {
			const { facts, report } = await analyze(name, pw);
			const input = facts.inputs[0];
			expect(input?.status).toBe('locked');
			expect(input?.lock?.wrongPassword).toBe(wrong);
			expect(input?.lock?.message).toContain(
				`listed as read without the password (certificates are stored in clear; keys stay encrypted, and the integrity is not verified)`,
			);
			// the store password comes first: no entry asks for a key password of its own yet
			expect(input?.lockedEntries).toBeUndefined();
			expect(report.grade.complete).toBe(false);
			expect(report.grade.notAnalyzed).toEqual([name]);
			const ks = report.keystores.find((k) => k.inputName === name);
			expect(ks?.status).toBe('locked');
			expect(ks?.entries).toHaveLength(n);
			for (const e of ks?.entries ?? []) expect(e.certSha256.length).toBeGreaterThan(0);
			for (const e of ks?.entries ?? []) expect(e.keyLocked).toBe(e.type !== 'trusted-certificate');
			expect(report.certificates.length).toBeGreaterThanOrEqual(n);
			expect(report.findings.map((f) => f.ruleId)).toContain('KEYSTORE-JKS-LEGACY-FORMAT');
			expect(facts.keystores[0]?.integrity.verified).toBeNull();
			expect(JSON.stringify(report)).not.toContain('not-the-password');
		},
	);
});

describe('a wrong password replaced by a default one', () => {
	it('changeit.jks given another password: opens, and says the given one failed and which default opened it', async () => {
		const { report } = await analyze('changeit.jks', 'WrongPass9');
		expect(report.inputs[0]?.status).toBe('parsed');
		expect(report.findings.map((f) => f.ruleId)).toContain('KEYSTORE-DEFAULT-PASSWORD');
		expect(report.inputs[0]?.notes).toEqual([
			{
				level: 'warning',
				line: null,
				message:
					'The password given does not open this JKS store; the default password "changeit" does (see KEYSTORE-DEFAULT-PASSWORD)',
			},
		]);
		expect(JSON.stringify(report)).not.toContain('WrongPass9');
	});

	it('changeit.jks given changeit: no note', async () => {
		const { report } = await analyze('changeit.jks', 'changeit');
		expect(report.inputs[0]?.notes).toBeUndefined();
	});
});

describe('a locked PKCS#12 shows what it shows without the password', () => {
	it('openssl-legacy.p12 (no password): locked, and the RC2-40 certificate protection is named and judged', async () => {
		const { facts, report } = await analyze('openssl-legacy.p12');
		expect(facts.inputs[0]?.status).toBe('locked');
		expect(facts.inputs[0]?.lock?.message).toMatch(
			/^This PKCS#12 file needs its password .*\. Read without the password: certificates under pbeWithSHAAnd40BitRC2-CBC; key "leaf" under pbeWithSHAAnd3-KeyTripleDES-CBC$/,
		);
		expect(report.grade.complete).toBe(false);
		expect(report.keystores[0]?.status).toBe('locked');
		const weak = report.findings.filter((f) => f.ruleId === 'KEYSTORE-PKCS12-WEAK-PBE');
		expect(weak.map((f) => f.subject).sort()).toEqual([
			'openssl-legacy.p12: bag leaf',
			'openssl-legacy.p12: certificate bags',
		]);
	});

	it('locked/nopbe.p12 (no password): the key in a plain KeyBag is found and caps at C', async () => {
		const { facts, report } = await analyze('locked/nopbe.p12');
		expect(facts.inputs[0]?.status).toBe('locked');
		expect(facts.inputs[0]?.lock?.message).toContain(
			'private key "leaf" in a plain KeyBag (not encrypted)',
		);
		expect(report.grade.complete).toBe(false);
		// the keystore area: the certificates' own verdict (their fixture CA marks nameConstraints
		// non-critical, which the chain check refuses whatever the anchor) is the certificates area's
		expect(report.grade.byArea.keystores).toBe('C');
		expect(report.grade.capReasons).toContain('KEYSTORE-PKCS12-WEAK-PBE caps the grade at C');
		expect(report.findings).toContainEqual(
			expect.objectContaining({
				ruleId: 'KEYSTORE-PKCS12-WEAK-PBE',
				severity: 'high',
				subject: 'locked/nopbe.p12: bag leaf',
			}),
		);
		expect(report.certificates.length).toBeGreaterThan(0);
	});

	it('openssl-nomac.p12 (no password, no MAC): its certificate in clear is listed, the key stays shut', async () => {
		const { facts, report } = await analyze('openssl-nomac.p12');
		expect(facts.inputs[0]?.status).toBe('locked');
		expect(facts.inputs[0]?.lock?.message).toContain('certificate "leaf" in clear');
		expect(report.certificates).toHaveLength(1);
		expect(report.keystores[0]?.entries.find((e) => e.type === 'private-key')?.keyLocked).toBe(
			true,
		);
	});
});
