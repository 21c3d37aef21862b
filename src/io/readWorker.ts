// The worker that reads an import's file (see readOffThread.ts): reads and decodes it, a piece at a time.
import { serveReads, type Port } from './readProtocol';

serveReads(self as unknown as Port);
