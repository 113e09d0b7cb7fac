// The one entry point to @peculiar/x509: installs the Reflect polyfill its dependency injection
// needs before the library loads. Every area imports x509 classes from here, never directly.
import '@abraham/reflection';

export {
	AuthorityInfoAccessExtension,
	AuthorityKeyIdentifierExtension,
	BasicConstraintsExtension,
	CertificatePolicyExtension,
	CRLDistributionPointsExtension,
	ExtendedKeyUsageExtension,
	Extension,
	ExtensionFactory,
	GeneralName,
	GeneralNames,
	KeyUsageFlags,
	KeyUsagesExtension,
	Name,
	PemConverter,
	Pkcs10CertificateRequest,
	PublicKey,
	SubjectAlternativeNameExtension,
	SubjectKeyIdentifierExtension,
	X509Certificate,
	X509Certificates,
	X509ChainBuilder,
	X509Crl,
	cryptoProvider,
	TextConverter,
} from '@peculiar/x509';
