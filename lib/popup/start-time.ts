/** Imported first by the popup entrypoint: the time its modules start evaluating, before the dataset is parsed. */
export const moduleStart = performance.now();
