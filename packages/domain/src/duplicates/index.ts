export * from './duplicate-config';
export * from './haversine';
export * from './find-duplicate-candidates';
export * from './credit-holder';
export * from './public-hint';
