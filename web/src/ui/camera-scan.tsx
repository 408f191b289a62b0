/**
 * A passbook's QR code read by the phone's own camera (getUserMedia + a canvas + jsQR, bundled into
 * the page: no network). Shown only when the device has a camera; the number goes to `onCode` as a
 * USB scanner's would.
 */
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'preact/hooks';
import { L } from '../i18n';
import { cleanPassbookNo } from '../passbook-no';

const PASSBOOK_RE = /^[VH][0-9A-Z]{7}$/;
/** A code held in front of the camera is read many times a second: one reading per number this long. */
const SAME_CODE_MS = 4_000;
const FRAME_MS = 200;

async function hasCamera(): Promise<boolean> {
  const devices = navigator.mediaDevices;
  if (!devices?.getUserMedia || !devices.enumerateDevices) {
    return false;
  }
  try {
    return (await devices.enumerateDevices()).some((d) => d.kind === 'videoinput');
  } catch {
    return false;
  }
}

export function CameraScan(props: { onCode: (passbookNo: string) => void }) {
  const [available, setAvailable] = useState(false);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const onCode = useRef(props.onCode);
  onCode.current = props.onCode;

  useEffect(() => {
    let live = true;
    void hasCamera().then((yes) => live && setAvailable(yes));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!on) {
      return undefined;
    }
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    let last = { text: '', at: 0 };
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const frame = () => {
      const v = video.current;
      if (stopped || !v || !ctx) {
        return;
      }
      if (v.readyState >= 2 && v.videoWidth > 0) {
        // A smaller picture reads as well and keeps an old phone responsive.
        const scale = Math.min(1, 640 / v.videoWidth);
        canvas.width = Math.round(v.videoWidth * scale);
        canvas.height = Math.round(v.videoHeight * scale);
        ctx.drawImage(v, 0, 0, canvas.width, canvas.height);
        const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, {
          inversionAttempts: 'dontInvert',
        });
        if (code?.data) {
          const number = cleanPassbookNo(code.data.trim().slice(-8));
          const now = Date.now();
          if (PASSBOOK_RE.test(number) && (number !== last.text || now - last.at > SAME_CODE_MS)) {
            last = { text: number, at: now };
            navigator.vibrate?.(80);
            onCode.current(number);
          }
        }
      }
      timer = window.setTimeout(frame, FRAME_MS);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(
        (s) => {
          if (stopped) {
            s.getTracks().forEach((t) => t.stop());
            return;
          }
          stream = s;
          if (video.current) {
            video.current.srcObject = s;
            void video.current.play().catch(() => undefined);
          }
          frame();
        },
        () => {
          setProblem(
            L(
              '无法打开摄像头：请在浏览器里允许使用摄像头，或用扫码枪、点名字签到。',
              'The camera could not be opened: allow it in the browser, or use the scanner or tap a name.',
            ),
          );
          setOn(false);
        },
      );
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [on]);

  if (!available) {
    return null;
  }
  return (
    <div class="camera-scan" data-testid="camera-scan">
      <button
        type="button"
        class="btn btn-secondary btn-big"
        onClick={() => {
          setProblem(null);
          setOn(!on);
        }}
        aria-pressed={on}
      >
        {on ? L('关闭摄像头', 'Stop the camera') : L('用摄像头扫存折', 'Scan with the camera')}
      </button>
      {on ? (
        <video
          ref={video}
          class="camera-video"
          muted
          playsInline
          aria-label={L(
            '摄像头画面：把存折二维码对准这里',
            'Camera: hold the passbook QR code here',
          )}
        />
      ) : null}
      {problem ? <p class="msg msg-warn">{problem}</p> : null}
    </div>
  );
}
