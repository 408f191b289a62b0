import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

/** A QR code drawn locally as SVG (no network); a counter scanner reads it as typed text. */
export function QrCode(props: { text: string; label: string; size?: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(props.text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      (markup) => {
        if (live) {
          setSvg(markup);
        }
      },
      () => setSvg(null),
    );
    return () => {
      live = false;
    };
  }, [props.text]);
  return (
    <div
      class="qr"
      role="img"
      aria-label={props.label}
      style={{ width: props.size ?? '8rem', height: props.size ?? '8rem' }}
      // The markup is the library's own SVG of a passbook number, never user HTML.
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}
