export async function writeCompiledDataset(): Promise<void> {}
