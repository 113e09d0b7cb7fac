// The WSDL and WS-Policy area of the engine, loaded when a WSDL is read or the WSDL stage has XML
// documents to match (index.ts): the WSDL reader and the WSDL / policy stage.
import { parsers, stage as wsdlStage } from '../core/wsdl/input';

export { parsers, wsdlStage };
