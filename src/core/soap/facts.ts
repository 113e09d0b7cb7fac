// Facts about SOAP envelopes and their WS-Security headers. Owned by issue #4.

export interface EnvelopeFacts {
	inputName: string;
	soapVersion: '1.1' | '1.2';
}

/** Detail view of an XML input: the "what is signed" tree and signatures (issue #4 shapes it). */
export interface XmlDetail {
	summary: string;
}
