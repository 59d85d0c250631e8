export * from './common';
export * from './entities';
export * from './document';
export * from './kinds';
export * from './provenance';
export * from './fieldwise';
