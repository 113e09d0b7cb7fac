// Declared keystore passwords in Tomcat, Spring Boot and JVM configurations.
import { describe, expect, it } from 'vitest';
import { findDeclaredPasswords } from './declared-passwords';

describe('findDeclaredPasswords', () => {
	it.each([
		[
			'Tomcat literal',
			'<Certificate certificateKeystoreFile="conf/server.jks" certificateKeystorePassword="s3cret"/>',
			[['certificateKeystorePassword', 'server.jks', true]],
		],
		[
			'Tomcat placeholder',
			'<Connector keystoreFile="/etc/tomcat/ks.p12" keystorePass="${KS_PASS}"/>',
			[['keystorePass', 'ks.p12', false]],
		],
		[
			'Spring literal',
			'server.ssl.key-store=classpath:keystore.p12\nserver.ssl.key-store-password=changeit',
			[['server.ssl.key-store-password', 'keystore.p12', true]],
		],
		[
			'Spring YAML, nested',
			'server:\n  port: 8443\n  ssl:\n    key-store: classpath:keystore.p12\n    key-store-password: changeit\n    trust-store-password: "${TS_PASS}"\n',
			[
				['server.ssl.key-store-password', 'keystore.p12', true],
				['server.ssl.trust-store-password', null, false],
			],
		],
		[
			'Spring SSL bundle, YAML',
			'spring:\n  ssl:\n    bundle:\n      jks:\n        web:\n          keystore:\n            location: classpath:web.p12\n            password: secret\n          key:\n            password: changeme\n',
			[
				['spring.ssl.bundle.jks.web.keystore.password', 'web.p12', true],
				['spring.ssl.bundle.jks.web.key.password', 'web.p12', true],
			],
		],
		[
			'Spring SSL bundle, properties',
			'spring.ssl.bundle.jks.api.truststore.location=file:/etc/trust.p12\nspring.ssl.bundle.jks.api.truststore.password=changeit\n',
			[['spring.ssl.bundle.jks.api.truststore.password', 'trust.p12', true]],
		],
		[
			'Spring ENC()',
			'server.ssl.key-store-password=ENC(abcd)',
			[['server.ssl.key-store-password', null, false]],
		],
		[
			'JVM flags',
			'-Djavax.net.ssl.trustStore=/opt/app/truststore.jks -Djavax.net.ssl.trustStorePassword=pw123',
			[['javax.net.ssl.trustStorePassword', 'truststore.jks', true]],
		],
		['no password', 'server.ssl.enabled=true', []],
	])('%s', (_n, text, expected) => {
		expect(
			findDeclaredPasswords(text).map((d) => [d.directive, d.keystoreFile, d.plaintext]),
		).toEqual(expected);
	});
});
