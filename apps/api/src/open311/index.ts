export { open311Routes, OPEN311_PREFIX, apiKeyHash, agencyResolver, splitFormat, type Open311Created, type Open311RequestBody, type Open311RoutesOptions } from './open311-routes';
export { open311Services, open311ServiceDefinition, ATTACHMENTS_ATTRIBUTE, type Open311Service, type Open311ServiceDefinition, type Open311Attribute } from './services';
export { open311Discovery, GEOREPORT_V2_SPEC, OPEN311_CHANGESET, type Open311Discovery } from './discovery';
export { parseRequestsQuery, reportStatusesFor, MAX_REQUESTS, MAX_SPAN_MS, type RequestsQuery } from './requests-query';
export { readSubmission, parseFormFields, jsonFields, open311IdempotencyKey, failureFromThrown, type PostFields, type Open311Submission } from './post-request';
export { OPEN311_ERRORS, open311ErrorBody, type Open311ErrorItem, type Open311Failure } from './open311-error';
export { toXml, escapeXml, XML_ITEM_NAMES, type XmlValue } from './xml';
