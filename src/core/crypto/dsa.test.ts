// DSA verification (verifySigned → crypto/dsa.ts) on a signature made by OpenSSL 3.0.19:
//   openssl dsaparam 2048 | openssl gendsa; openssl dgst -sha256 -sign dsa.key msg
// (openssl dgst -verify accepts it). PKITS 4.1.4–4.1.5 exercise certificates (path.pkits.test.ts).
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../bytes/encoding';
import { verifySigned } from '../x509/signature';

const SPKI = fromHex(
	'308203423082023506072a8648ce3804013082022802820101008d576be4e32092026f635155fd324c1bb69a4584435061819c2890bd8857d6e504da00920452895948021c45e254a6ef1adf8d58792e0dc160e4e313b66b23012ca7c7b51e63da4a3f99a0ead4e7c7b5bb80f8947c65802ff446f38deffff765ade639e825e3823f97cc0a67bb40f0de9cfdb329e32c0463ed1e18e1effee67d88d8b6a7895071817700ff4980df067eb0f1854e47746a1cf1e9d6fc13bf9ed1a4be30b9d258d741a821cb6836102e7d098a7bf9aa5b4bc29736e5cf9dceb4b05f60fad11c28fcac35b2cc4c3a27fa8dd662e22712b50fe225384f9d15a4cab411ce67463fa267c5e7867e4e03cf9f2e9c10c0386d4efb409e16b02e8d02a381021d00f60f318d1b7214a738a088a8c9eecb04c022b52688499cf885b83f6502820100648c1607b0970a1726689f90ba4c4525afdea79c4fe6c488fc42c1163b3c76cad066fa20dfb7c7b0900c88b7f32f312e6ba8cd2aad7828b3b6d4fb4810fd4d4e7f52b47b53465d0d7bedb8e9f93a708c43b969d59407bead6046309bbd8d51cc040d9b81cc629e64bbc6e2472090b1ba58c4c3097dc9ec4c0a433e3cff87794ea79b61b78c9e50eed724ca52246485dca1e794a60fee6b19380e8f12a8571be0b6afb9c6e7a2b6fabfa0a312f7d3c37c4d1015dd2cf9b00a09176d1ef3ee07074b22ae50c44e7a4da43306144f8a5269ec8a44674bc39d24c06c1208bd70d42a1515f52930961141b1159240948773df904937cdd7be052df45a70f04d7d440d0382010500028201003073878053c0283c8907261b78e6a6a97d1229938372b6b0bda1fb38dc442ca4e40500336de5c4d5a5d777a42c42b96f86276cedfdc4b2fcc3196dfc77da971c6e2117a3db20ad938c1464ec0b715ac475b68394f25be70d0bc178876a168a39f37023cd19c0911d0eb0fffb2e2cf10352acb1715feb9b7cabbe1b784101bcc0222394c57071de4a73c50732864edc4d402c6c41cb96427c631e6142a60953be188a01a982fc3614daf70a72ad76227628706b2b0226b13ed4c3b9bd94415f0a8b6fed9401922157e38870c4926e4e36412ca6947cb93a926578c8a20acd887687301ad9139cb7fe79089b580f310ab98f7776711cb26e9a046c2ee25c336213',
);
const SIGNATURE = fromHex(
	'303e021d00bf399c87b8f1c055213036de9d9e5bf9f139b4c5e0efbbef476e5388021d008496f2b69795285a9c1dcf7d81e49f75e759f9dff88dd701e94aef35',
);
const MESSAGE = new TextEncoder().encode('PKITS-independent DSA vector');
const DSA_SHA256 = '2.16.840.1.101.3.4.3.2';
const signer = { spkiDer: SPKI, key: { algorithm: 'DSA', curve: null } };

describe('DSA', () => {
	it('verifies an OpenSSL dsa-with-SHA256 signature', async () => {
		expect(await verifySigned(signer, DSA_SHA256, SIGNATURE, MESSAGE)).toBe(true);
	});

	it('refuses another message, another hash and a damaged signature', async () => {
		expect(await verifySigned(signer, DSA_SHA256, SIGNATURE, MESSAGE.subarray(1))).toBe(false);
		expect(await verifySigned(signer, '1.2.840.10040.4.3', SIGNATURE, MESSAGE)).toBe(false);
		const bad = SIGNATURE.slice();
		bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 1;
		expect(await verifySigned(signer, DSA_SHA256, bad, MESSAGE)).toBe(false);
	});

	it('a key without parameters inherits them (RFC 3279 2.3.2), else it cannot be checked', async () => {
		// the same key with its AlgorithmIdentifier parameters removed
		const spki = asn1js.fromBER(SPKI).result as asn1js.Sequence;
		const [alg, bits] = spki.valueBlock.value as [asn1js.Sequence, asn1js.BitString];
		const bare = new Uint8Array(
			new asn1js.Sequence({
				value: [
					new asn1js.Sequence({ value: [alg.valueBlock.value[0] as asn1js.ObjectIdentifier] }),
					bits,
				],
			}).toBER(),
		);
		const inherited = { ...signer, spkiDer: bare, inheritedDsaSpki: SPKI };
		expect(await verifySigned(inherited, DSA_SHA256, SIGNATURE, MESSAGE)).toBe(true);
		expect(await verifySigned({ ...signer, spkiDer: bare }, DSA_SHA256, SIGNATURE, MESSAGE)).toBe(
			null,
		);
	});
});
