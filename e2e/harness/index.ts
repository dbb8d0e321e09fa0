export { apiAs, publicApi, type Api } from './api';
export { baseUrl, clientAddress, closeBrowser, getBrowser, openApp, signIn, VIEWPORTS, type AppSession, type OpenOptions, type ViewportName } from './browser';
export { DEMO_PASSWORD, OPEN311_DEMO_API_KEY, type DemoUser } from './demo';
export { readServerLog } from './log';
export { assertBuilt, startServer, type RunningServer, type StartOptions } from './server';
export { axeClean, consoleAs, expectClean, png, realProblems, settled, watchReceiptRequests } from './journey';
