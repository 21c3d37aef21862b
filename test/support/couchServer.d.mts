export function startCouch(opts?: { admin?: { name: string; password: string } }): Promise<{ url: string; authHeader?: string; stop(): Promise<void> }>;
