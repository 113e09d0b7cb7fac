// CERT-EXPIRING-SOON: remaining validity below 30/60 days (15/30 for lifetimes ≤ 100 days).
import { certSubject, DAY_MS, leafOrIntermediate } from './helpers/certificates';
import type { Rule } from '../rule';

export const certExpiringSoon: Rule = {
	meta: {
		id: 'CERT-EXPIRING-SOON',
		area: 'cert',
		title: 'Certificate expires soon',
		severities: ['high', 'medium'],
		remediation: 'Renew now; monitor expiry with automated alerts.',
		references: ['testssl.sh DAYS2WARN1=60 / DAYS2WARN2=30'],
	},
	check(facts, report) {
		const now = Date.parse(facts.now);
		for (const c of leafOrIntermediate(facts)) {
			const end = Date.parse(c.notAfter);
			const life = (end - Date.parse(c.notBefore)) / DAY_MS;
			const left = (end - now) / DAY_MS;
			if (left < 0 || Date.parse(c.notBefore) > now) continue; // CERT-EXPIRED covers these
			const [high, medium] = life > 100 ? [30, 60] : [15, 30];
			const evidence = `${Math.floor(left)} days left (notAfter ${c.notAfter}, lifetime ${Math.round(life)} days)`;
			if (left < high)
				report({
					severity: 'high',
					effect: 'warn',
					inputName: c.inputName,
					subject: certSubject(c),
					evidence,
				});
			else if (left < medium)
				report({
					severity: 'medium',
					effect: 'none',
					inputName: c.inputName,
					subject: certSubject(c),
					evidence,
				});
		}
	},
};
