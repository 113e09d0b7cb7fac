import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseXml } from '../safe-parse';
import { verifyDocument } from '../../xmldsig/document';
import { canonicalizeInto, c14nMode } from '../../xmldsig/c14n';
import { descendants, NS } from '../dom';

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
it('timing', async () => {
	const text = readFileSync('/tmp/scratch/perf/data/signed-10mb.xml', 'utf8');
	for (let k = 0; k < 4; k++) {
		let t = cpu();
		const { doc } = parseXml(text);
		const tp = cpu() - t;
		t = cpu();
		let n = 0;
		canonicalizeInto({ root: doc, withComments: false, excluded: new Set(descendants(doc, NS.ds, 'Signature')) }, c14nMode('http://www.w3.org/2001/10/xml-exc-c14n#')!, (c) => { n += c.length; });
		const tc = cpu() - t;
		t = cpu();
		const r = await verifyDocument(doc, { inputName: 'x', origin: 'input', certs: [], secrets: [] });
		const tv = cpu() - t;
		console.log(JSON.stringify({ tp: Math.round(tp), tc: Math.round(tc), tv: Math.round(tv), n, d: r.signatures[0]?.facts.references[0]?.digestValid, heap: Math.round(process.memoryUsage().heapUsed / 1e6) }));
	}
});
