// Facts about SOAP envelopes and their WS-Security headers. Owned by issue #4.

export interface EnvelopeFacts {
	inputName: string;
	soapVersion: '1.1' | '1.2';
}
