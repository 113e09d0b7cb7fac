// CGS-1 (shared/RULES.md section 3): the connector score, caps, warnings, A+/A-, T and M.
import type { Area } from '../area';
import type { GradeArea, GradeLetter, OverallGrade } from './report';

/** Grade effect of one finding, as RULES.md section 2.0 names them. */
export type GradeEffect =
	'F' | 'cap A' | 'cap B' | 'cap C' | 'cap D' | 'cap E' | 'warn' | 'T' | 'M' | 'none';

export interface GradedFinding {
	ruleId: string;
	/** The rule's catalog area (src/core/area.ts); it decides the sub-grade (section 3.3). */
	area: Area;
	effect: GradeEffect;
}

/** Letter rank of section 3.1: F = 0 … A+ = 7. */
const RANK: Record<GradeLetter, number> = { F: 0, E: 1, D: 2, C: 3, B: 4, 'A-': 5, A: 6, 'A+': 7 };
const BY_RANK: readonly GradeLetter[] = ['F', 'E', 'D', 'C', 'B', 'A-', 'A', 'A+'];

export function rankOf(grade: OverallGrade): number {
	return grade === 'T' || grade === 'M' ? 0 : RANK[grade];
}

export function minLetter(a: GradeLetter, b: GradeLetter): GradeLetter {
	return RANK[a] <= RANK[b] ? a : b;
}

/** Inputs of step 4 for a TLS channel: the three category scores (0–100). */
export interface ChannelScores {
	protocol: number;
	keyExchange: number;
	cipher: number;
}

/** Step 4: weighted total with integer division, exactly as testssl.sh `run_rating`. */
export function scoreTotal(s: ChannelScores): number {
	if (s.protocol === 0 || s.keyExchange === 0 || s.cipher === 0) return 0;
	return (
		Math.floor((s.protocol * 30) / 100) +
		Math.floor((s.keyExchange * 30) / 100) +
		Math.floor((s.cipher * 40) / 100)
	);
}

export function scoreLetter(total: number): GradeLetter {
	if (total >= 80) return 'A';
	if (total >= 65) return 'B';
	if (total >= 50) return 'C';
	if (total >= 35) return 'D';
	if (total >= 20) return 'E';
	return 'F';
}

export interface GradeResult {
	/** What is displayed: a letter, or T/M when a trust flag is raised (section 3.2 step 8). */
	grade: OverallGrade;
	/** The letter when trust issues are ignored (equals `grade` when no flag is raised). */
	letter: GradeLetter;
	capReasons: string[];
	warnings: string[];
	total: number | null;
}

function capOf(effect: GradeEffect): GradeLetter | null {
	switch (effect) {
		case 'F':
			return 'F';
		case 'cap A':
			return 'A';
		case 'cap B':
			return 'B';
		case 'cap C':
			return 'C';
		case 'cap D':
			return 'D';
		case 'cap E':
			return 'E';
		default:
			return null;
	}
}

/**
 * Steps 4–8 of section 3.2. `scores` is null for a plain channel or where no TLS facts exist
 * (the score letter is then A, and caps alone decide). Several score sets (several TLS
 * connectors) combine by taking the lowest score letter.
 */
export function grade(
	findings: readonly GradedFinding[],
	scores: readonly ChannelScores[] = [],
): GradeResult {
	let letterFromScore: GradeLetter = 'A';
	let total: number | null = null;
	for (const s of scores) {
		const t = scoreTotal(s);
		total = total === null ? t : Math.min(total, t);
		letterFromScore = minLetter(letterFromScore, scoreLetter(t));
	}
	let cap: GradeLetter = 'A+';
	// Each reason keeps the letter it caps at, so the list can be ordered by impact below.
	const caps: { letter: GradeLetter; text: string }[] = [];
	const warnings: string[] = [];
	let trust: 'T' | 'M' | null = null;
	for (const f of findings) {
		const c = capOf(f.effect);
		if (c) {
			cap = minLetter(cap, c);
			caps.push({
				letter: c,
				text: c === 'F' ? `${f.ruleId} sets the grade to F` : `${f.ruleId} caps the grade at ${c}`,
			});
		} else if (f.effect === 'warn') {
			warnings.push(`${f.ruleId} is a warning (no A+, A becomes A-)`);
		} else if (f.effect === 'M') {
			trust = 'M';
		} else if (f.effect === 'T' && trust !== 'M') {
			trust = 'T';
		}
	}
	if (total !== null && total < 80) {
		caps.push({
			letter: scoreLetter(total),
			text: `the TLS score ${total} gives ${scoreLetter(total)}`,
		});
	}
	// "Why not higher" reads as a verdict: the reason that sets the grade first, then by impact
	// (lowest letter first); equal letters keep the catalog order the findings arrived in.
	const capReasons = caps
		.map((c, i) => ({ ...c, i }))
		.sort((a, b) => RANK[a.letter] - RANK[b.letter] || a.i - b.i)
		.map((c) => c.text);
	let letter = minLetter(letterFromScore, cap);
	if (letter === 'A') {
		if (warnings.length > 0) letter = 'A-';
		else if (cap === 'A+') letter = 'A+';
	}
	const uniqueReasons = [...new Set(capReasons)];
	return {
		grade: trust ?? letter,
		letter,
		capReasons: uniqueReasons,
		warnings: [...new Set(warnings)],
		total,
	};
}

/** Which sub-grade a finding counts in (section 3.3). */
export function gradeAreaOf(f: Pick<GradedFinding, 'ruleId' | 'area'>): GradeArea {
	if (f.ruleId === 'WSDL-HTTP-ENDPOINT' || f.ruleId === 'WSDL-MIXED-SCHEME-ENDPOINTS') return 'tls';
	switch (f.area) {
		case 'tls':
		case 'runtime':
		case 'mail':
			return 'tls';
		case 'cert':
			return 'certificates';
		case 'keystore':
			return 'keystores';
		case 'message':
			return 'messages';
		case 'wsdl':
		case 'policy':
			return 'wsdl';
	}
}

export function letterFromRank(rank: number): GradeLetter {
	return BY_RANK[Math.max(0, Math.min(7, rank))] ?? 'F';
}
