// One document read as a skeleton tree (xml/stream/skeleton.ts) with the limits given, whatever
// its size, and canonicalized whole with exclusive C14N. The engine's rehearsal runs it on a
// 48 KB envelope to have V8 optimize the skeleton parser and the region canonicalizer before a
// large drop needs them (engine/rehearsal.ts); it is here, in the XML-security area, so that the
// engine's base script carries no XML code.
import { parseXml } from '../xml/safe-parse';
import { skeletonLimits } from '../xml/stream/skeleton';
import { canonicalizeInto, type C14nMode } from './c14n';

/** Exclusive C14N, as WS-Security signs a Body. */
const EXCLUSIVE: C14nMode = { exclusive: true, withComments: false };

/**
 * Reads `text` as a skeleton of these limits and canonicalizes all of it; returns the number of
 * octets written. The limits are lowered for this one synchronous call and put back before it
 * returns or throws, so no analysis ever sees them.
 */
export function canonicalLengthAsSkeleton(
	text: string,
	limits: { minChars: number; minRegion: number },
): number {
	const saved = { ...skeletonLimits };
	Object.assign(skeletonLimits, limits);
	try {
		const { doc } = parseXml(text);
		let octets = 0;
		canonicalizeInto({ root: doc, withComments: false }, EXCLUSIVE, (chunk) => {
			octets += chunk.length;
		});
		return octets;
	} finally {
		Object.assign(skeletonLimits, saved);
	}
}
