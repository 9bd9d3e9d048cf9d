export function chromiumArgs(extDir: string): string[];
