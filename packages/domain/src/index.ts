// Public surface of the kernel. Each area re-exports its own index.
export * from './common/index';
