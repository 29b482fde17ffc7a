// html-encoding-sniffer ships no types: the one function Carnet calls, as its README documents it.
declare module 'html-encoding-sniffer' {
  interface SniffOptions {
    xml?: boolean;
    transportLayerEncodingLabel?: string;
    /** Returned as is when neither a BOM, the transport label nor the markup names an encoding. */
    defaultEncoding?: string;
    maxPrescanBytes?: number;
  }
  export default function sniffHTMLEncoding(bytes: Uint8Array, options?: SniffOptions): string;
}
