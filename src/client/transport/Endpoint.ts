/** The operation descriptor lives in the endpoint catalog; re-exported here for the transport's modules. */
export type { Endpoint } from '../endpoints';
