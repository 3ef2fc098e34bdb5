// The few globals core/ relies on that every runtime it targets has (browsers and Node),
// declared here so core/ compiles without the DOM or Node type libraries.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
