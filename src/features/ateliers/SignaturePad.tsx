/**
 * The young person signs the émargement with a finger (or a stylus, or a mouse): pointer events
 * on a canvas, kept as strokes of points in the signature's box (src/domain/signature.ts) — a
 * small vector image, never a bitmap. `SignatureView` draws one back as SVG.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { SIGNATURE_BOX, type Signature } from '../../domain/schemas/attendance';
import { addPoint, hasDrawing, signaturePath, type Stroke } from '../../domain/signature';

const INK = '#1b1f24';

function draw(canvas: HTMLCanvasElement, strokes: readonly Stroke[]): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.strokeStyle = INK;
  context.lineWidth = 4;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.beginPath();
  for (const stroke of strokes) {
    context.moveTo(stroke[0]!, stroke[1]!);
    if (stroke.length === 2) context.lineTo(stroke[0]! + 1, stroke[1]!);
    for (let i = 2; i + 1 < stroke.length; i += 2) context.lineTo(stroke[i]!, stroke[i + 1]!);
  }
  context.stroke();
}

export function SignaturePad(props: {
  /** Whose signature: said to screen readers and above the pad. */
  name: string;
  onSave(strokes: Stroke[]): Promise<void> | void;
  onCancel(): void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokesRef = useRef<Stroke[]>([]);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (canvasRef.current) draw(canvasRef.current, []);
  }, []);

  function point(event: PointerEvent<HTMLCanvasElement>): [number, number] {
    const box = event.currentTarget.getBoundingClientRect();
    return [
      ((event.clientX - box.left) / box.width) * SIGNATURE_BOX.width,
      ((event.clientY - box.top) / box.height) * SIGNATURE_BOX.height,
    ];
  }

  function add(event: PointerEvent<HTMLCanvasElement>, newStroke: boolean) {
    const [x, y] = point(event);
    strokesRef.current = addPoint(strokesRef.current, x, y, newStroke);
    draw(event.currentTarget, strokesRef.current);
    const enough = hasDrawing(strokesRef.current);
    if (enough !== drawn) setDrawn(enough);
  }

  function clear() {
    strokesRef.current = [];
    if (canvasRef.current) draw(canvasRef.current, []);
    setDrawn(false);
  }

  async function save() {
    setBusy(true);
    try {
      await props.onSave(strokesRef.current);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="signature-pad">
      <p className="signature-instructions" id="signature-instructions">
        {props.name} signe dans le cadre avec le doigt.
      </p>
      <canvas
        ref={canvasRef}
        className="signature-canvas"
        width={SIGNATURE_BOX.width}
        height={SIGNATURE_BOX.height}
        role="img"
        aria-label={`Cadre de signature de ${props.name}`}
        aria-describedby="signature-instructions"
        onPointerDown={(event) => {
          event.preventDefault();
          event.currentTarget.setPointerCapture?.(event.pointerId);
          drawing.current = true;
          add(event, true);
        }}
        onPointerMove={(event) => {
          if (drawing.current) add(event, false);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
        onPointerCancel={() => {
          drawing.current = false;
        }}
      />
      <div className="signature-actions">
        <button type="button" className="button-secondary" onClick={clear}>
          Effacer
        </button>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          Annuler
        </button>
        <button
          type="button"
          className="button-primary"
          disabled={!drawn || busy}
          onClick={() => void save()}
        >
          Valider la signature
        </button>
      </div>
    </div>
  );
}

export function SignatureView({ signature, name }: { signature: Signature; name: string }) {
  return (
    <svg
      className="signature-view"
      viewBox={`0 0 ${SIGNATURE_BOX.width} ${SIGNATURE_BOX.height}`}
      role="img"
      aria-label={`Signature de ${name}`}
    >
      <path
        d={signaturePath(signature)}
        fill="none"
        stroke={INK}
        strokeWidth={6}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
